//! `Debug` output never shows a secret: the types that hold one print a
//! redaction instead, so a stray `{:?}` in a log or an error cannot leak.

mod common;

use common::{DCS, UREDIS, forms};
use keyturn::catalog::find;
use keyturn::endpoint::Endpoint;
use keyturn::request::{Inputs, SigningContext, Value, build, validate};
use keyturn::sign::{Credentials, ucloud};
use keyturn::vault::import;
use percent_encoding::percent_decode_str;
use secrecy::SecretString;

const KEY_SECRET: &str = "fake-debug-key-secret";
const OLD: &str = "Fake-Debug-Old-1";
const NEW: &str = "Fake-Debug-New-2";
/// UCloud's new password, which goes out base64-encoded.
const UCLOUD_NEW: &str = "Fake-Debug-New-3";

#[test]
fn secrets_are_redacted_in_debug_output() {
    let creds = Credentials::new("FAKEKEY", SecretString::from(KEY_SECRET.to_owned()));
    let op = find(DCS).unwrap();
    let mut inputs = Inputs {
        region: Some("cn-north-4".into()),
        ..Inputs::default()
    };
    inputs.set("project_id", Value::Plain("p".into()));
    inputs.set("instance_id", Value::Plain("i".into()));
    inputs.set(
        "old_password",
        Value::Secret(SecretString::from(OLD.to_owned())),
    );
    inputs.set(
        "new_password",
        Value::Secret(SecretString::from(NEW.to_owned())),
    );
    let validated = validate(op, &inputs).unwrap();
    let endpoint = Endpoint::default_for(op, Some("cn-north-4")).unwrap();
    let ctx = SigningContext {
        time: time::OffsetDateTime::UNIX_EPOCH,
        nonce: "n",
    };
    let signed = build(&validated, &endpoint, &creds, ctx);

    // UCloud: the password travels base64-encoded, and the string to sign
    // holds every parameter.
    let uop = find(UREDIS).unwrap();
    let mut uinputs = Inputs {
        region: Some("cn-bj2".into()),
        ..Inputs::default()
    };
    uinputs.set("GroupId", Value::Plain("uredis-debug".into()));
    uinputs.set(
        "Password",
        Value::Secret(SecretString::from(UCLOUD_NEW.to_owned())),
    );
    let uvalidated = validate(uop, &uinputs).unwrap();
    let uendpoint = Endpoint::default_for(uop, Some("cn-bj2")).unwrap();
    let usigned = build(&uvalidated, &uendpoint, &creds, ctx);
    let pairs: Vec<(String, String)> = usigned
        .request
        .body
        .split('&')
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            let v = percent_decode_str(v).decode_utf8().unwrap();
            (k.to_owned(), v.into_owned())
        })
        .collect();
    let sts = ucloud::StringToSign::new(&pairs);

    let imported = import::parse(
        format!("SecretId,SecretKey\nAKIDFAKE,{KEY_SECRET}\n").as_bytes(),
        None,
    )
    .unwrap();
    let printed = format!(
        "{creds:?} {inputs:?} {validated:?} {signed:?} {uinputs:?} {uvalidated:?} \
         {usigned:?} {sts:?} {imported:?}"
    );
    for secret in [KEY_SECRET, OLD, NEW, UCLOUD_NEW]
        .iter()
        .flat_map(|s| forms(s))
    {
        assert!(
            !printed.contains(&secret),
            "{secret} leaked into Debug: {printed}"
        );
    }
    // The string to sign does hold the base64 password, so the check above
    // means something.
    assert!(sts.expose_secret().contains(&forms(UCLOUD_NEW)[2]));
    // The non-secret parts are still there to help whoever reads it.
    assert!(printed.contains("FAKEKEY") && printed.contains("dcs.cn-north-4.myhuaweicloud.com"));
    assert!(printed.contains("uredis-debug") && printed.contains("api.ucloud.cn"));
}

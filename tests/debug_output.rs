//! `Debug` output never shows a secret: the types that hold one print a
//! redaction instead, so a stray `{:?}` in a log or an error cannot leak.

use keyturn::catalog::find;
use keyturn::endpoint::Endpoint;
use keyturn::request::{Inputs, SigningContext, Value, build, validate};
use keyturn::sign::Credentials;
use keyturn::vault::import;
use secrecy::SecretString;

const KEY_SECRET: &str = "fake-debug-key-secret";
const OLD: &str = "Fake-Debug-Old-1";
const NEW: &str = "Fake-Debug-New-2";

#[test]
fn secrets_are_redacted_in_debug_output() {
    let creds = Credentials::new("FAKEKEY", SecretString::from(KEY_SECRET.to_owned()));
    let op = find("huaweicloud.dcs.update-password").unwrap();
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
    let signed = build(
        &validated,
        &endpoint,
        &creds,
        SigningContext {
            time: time::OffsetDateTime::UNIX_EPOCH,
            nonce: "n",
        },
    );
    let imported = import::parse(
        format!("SecretId,SecretKey\nAKIDFAKE,{KEY_SECRET}\n").as_bytes(),
        None,
    )
    .unwrap();
    let printed = format!("{creds:?} {inputs:?} {validated:?} {signed:?} {imported:?}");
    for secret in [KEY_SECRET, OLD, NEW] {
        assert!(
            !printed.contains(secret),
            "{secret} leaked into Debug: {printed}"
        );
    }
    // The non-secret parts are still there to help whoever reads it.
    assert!(printed.contains("FAKEKEY") && printed.contains("dcs.cn-north-4.myhuaweicloud.com"));
}

//! Checks a request's parameters against the catalogue, as the provider's
//! service would: required fields present, choices and date-times well
//! formed, the new password within the operation's rules.
//!
//! The checks read the same [`Operation`] entries as the client, so the
//! emulator and Keyturn can never disagree about a field by accident.

use base64::Engine;
use time::PrimitiveDateTime;
use time::macros::format_description;
use zeroize::Zeroizing;

use super::received::Params;
use crate::catalog::{DateTimeFormat, Encoding, FieldKind, Location, Operation};
use crate::rules;

/// What is wrong with one field. Holds the field's wire name, never its
/// value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    Missing(&'static str),
    Invalid(&'static str),
}

impl Problem {
    pub fn field(self) -> &'static str {
        match self {
            Problem::Missing(f) | Problem::Invalid(f) => f,
        }
    }
}

/// Checks every parameter field of `op` that is present or required. An
/// empty value counts as missing unless the field gives meaning to empty
/// (UCloud's `Password`).
pub(crate) fn check_fields(op: &'static Operation, params: &Params) -> Result<(), Problem> {
    for field in op.fields.iter().filter(|f| f.location == Location::Param) {
        let value = params.get(field.wire_name);
        let value = match value {
            Some(v) if !v.is_empty() => v,
            Some(_) if field.empty_means.is_some() => continue,
            _ if field.required => return Err(Problem::Missing(field.wire_name)),
            _ => continue,
        };
        let ok = match field.kind {
            // A boolean reads without regard to case: the official Python
            // SDK sends `True` for DTS's ZeroEtlJob.
            FieldKind::Choice(choices) => choices
                .iter()
                .any(|(c, _)| *c == value || (is_boolean(c) && c.eq_ignore_ascii_case(value))),
            FieldKind::DateTime(DateTimeFormat::SpaceSeparated) => parse_date_time(value).is_some(),
            FieldKind::Text | FieldKind::Secret => true,
        };
        if !ok {
            return Err(Problem::Invalid(field.wire_name));
        }
    }
    Ok(())
}

fn is_boolean(choice: &str) -> bool {
    matches!(choice, "true" | "false")
}

/// `YYYY-MM-DD HH:MM:SS`, without a zone: the caller decides which.
pub(crate) fn parse_date_time(text: &str) -> Option<PrimitiveDateTime> {
    PrimitiveDateTime::parse(
        text,
        format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
    )
    .ok()
}

/// The new password as the user typed it: decoded when it travels
/// base64-encoded. `None` when the field is missing.
pub(crate) fn new_password(
    op: &'static Operation,
    params: &Params,
) -> Result<Option<Zeroizing<String>>, Problem> {
    let name = op.new_password.field;
    let Some(raw) = params.get(name) else {
        return Ok(None);
    };
    let encoding = op.field(name).map_or(Encoding::Plain, |f| f.encoding);
    match encoding {
        Encoding::Plain => Ok(Some(Zeroizing::new(raw.to_owned()))),
        Encoding::Base64 => {
            let bytes = Zeroizing::new(
                base64::engine::general_purpose::STANDARD
                    .decode(raw)
                    .map_err(|_| Problem::Invalid(name))?,
            );
            let text = std::str::from_utf8(&bytes).map_err(|_| Problem::Invalid(name))?;
            Ok(Some(Zeroizing::new(text.to_owned())))
        }
    }
}

/// Holds `new` to the operation's rules, as the provider would: only what
/// the policy calls an error refuses it.
pub(crate) fn check_new_password(
    op: &'static Operation,
    new: &str,
    current: Option<&str>,
) -> Result<(), Problem> {
    if rules::check(&op.new_password.policy, new, current).acceptable() {
        Ok(())
    } else {
        Err(Problem::Invalid(op.new_password.field))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::find;
    use crate::emulator::received::Received;

    fn params(body: &str) -> Params {
        Received::form_of(body)
    }

    #[test]
    fn required_choice_and_date_fields_are_checked() {
        let job = find("aliyun.dts.modify-dts-job-password").unwrap();
        let ok = params("DtsJobId=j&Endpoint=src&UserName=u&Password=x");
        assert_eq!(check_fields(job, &ok), Ok(()));
        let missing = params("DtsJobId=j&Endpoint=src&Password=x");
        assert_eq!(
            check_fields(job, &missing),
            Err(Problem::Missing("UserName"))
        );
        let bad = params("DtsJobId=j&Endpoint=up&UserName=u&Password=x");
        assert_eq!(check_fields(job, &bad), Err(Problem::Invalid("Endpoint")));

        let tc = find("tencentcloud.tcaplusdb.modify-cluster-password").unwrap();
        let bad_time = params(
            "ClusterId=c&OldPassword=a&NewPassword=b&OldPasswordExpireTime=2026-13-01%2000:00:00",
        );
        assert_eq!(
            check_fields(tc, &bad_time),
            Err(Problem::Invalid("OldPasswordExpireTime"))
        );
    }

    #[test]
    fn ucloud_password_may_be_empty_but_must_be_base64() {
        let op = find("ucloud.uredis.modify-group-password").unwrap();
        let empty = params("Region=cn-bj2&GroupId=g&Password=");
        assert_eq!(check_fields(op, &empty), Ok(()));
        assert_eq!(
            new_password(op, &empty)
                .unwrap()
                .as_deref()
                .map(|s| s.as_str()),
            Some("")
        );
        let good = params("Region=cn-bj2&GroupId=g&Password=c2VjcmV0MTIz");
        assert_eq!(
            new_password(op, &good)
                .unwrap()
                .as_deref()
                .map(|s| s.as_str()),
            Some("secret123")
        );
        let bad = params("Region=cn-bj2&GroupId=g&Password=not*base64");
        assert_eq!(new_password(op, &bad), Err(Problem::Invalid("Password")));
        assert_eq!(
            check_fields(op, &params("GroupId=g&Password=")),
            Err(Problem::Missing("Region"))
        );
    }

    #[test]
    fn new_passwords_follow_the_catalogue_rules() {
        let dcs = find("huaweicloud.dcs.update-password").unwrap();
        assert_eq!(
            check_new_password(dcs, "Abcdef12!x", Some("Old12345!a")),
            Ok(())
        );
        assert_eq!(
            check_new_password(dcs, "short", None),
            Err(Problem::Invalid("new_password"))
        );
        assert_eq!(
            check_new_password(dcs, "Abcdef12!x", Some("Abcdef12!x")),
            Err(Problem::Invalid("new_password"))
        );
    }

    const KEY_ID: &str = "KTEMUTESTKEY";
    const SECRET: &str = "ktemu-test-secret";
    const DTS_JOB: &str = "aliyun.dts.modify-dts-job-password";
    const DCS: &str = "huaweicloud.dcs.update-password";
    const UREDIS: &str = "ucloud.uredis.modify-group-password";
    const TCAPLUS: &str = "tencentcloud.tcaplusdb.modify-cluster-password";

    /// Signs `params` for `op` as Keyturn would, without Keyturn's own
    /// checks, and sends them to `emu`: the HTTP status and the answer.
    async fn send_unchecked(
        emu: &crate::emulator::RunningEmulator,
        op: &str,
        params: &[(&str, &str)],
    ) -> (u16, serde_json::Value) {
        use crate::request::{SigningContext, ValidatedRequest, build, fresh_nonce};
        let region = match op {
            DCS => Some("cn-north-4"),
            UREDIS => Some("cn-bj2"),
            TCAPLUS => Some("ap-guangzhou"),
            _ => None,
        };
        let request = ValidatedRequest::unchecked(find(op).unwrap(), region, params);
        let endpoint = crate::endpoint::Endpoint::parse_override(&emu.url()).unwrap();
        let credentials =
            crate::sign::Credentials::new(KEY_ID, secrecy::SecretString::from(SECRET));
        let signed = build(
            &request,
            &endpoint,
            &credentials,
            SigningContext {
                time: time::OffsetDateTime::now_utc(),
                nonce: &fresh_nonce(),
            },
        );
        let transport = crate::transport::Transport::new(Default::default());
        let answer = transport.send(&signed.request).await.unwrap();
        (answer.status, serde_json::from_slice(&answer.body).unwrap())
    }

    /// The provider's error code, wherever it keeps it.
    fn code(op: &str, json: &serde_json::Value) -> String {
        let code = match op {
            DTS_JOB => json.get("Code").or_else(|| json.get("ErrCode")),
            DCS => json.get("error_code"),
            UREDIS => json.get("RetCode"),
            _ => json.pointer("/Response/Error/Code"),
        };
        match code {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => "none".into(),
        }
    }

    /// Values Keyturn's own checks refuse, signed and sent anyway, get each
    /// provider's parameter error over HTTP. This end-to-end test lives in
    /// the crate rather than in `tests/emulator.rs` because only the
    /// crate's own tests can make a `ValidatedRequest` that skipped
    /// `validate`.
    #[tokio::test]
    async fn bad_parameters_get_each_providers_parameter_error() {
        let emu = crate::emulator::start(
            crate::emulator::EmulatorConfig::new(KEY_ID, secrecy::SecretString::from(SECRET)),
            "127.0.0.1:0".parse().unwrap(),
        )
        .await
        .unwrap();
        /// Operation, parameters, expected HTTP status and provider code.
        type Case = (
            &'static str,
            Vec<(&'static str, &'static str)>,
            u16,
            &'static str,
        );
        let cases: [Case; 6] = [
            (
                DTS_JOB,
                vec![
                    ("DtsJobId", "j"),
                    ("Endpoint", "src"),
                    ("Password", "Abc12345"),
                ],
                400,
                "InvalidParameter",
            ),
            (
                DCS,
                vec![
                    ("project_id", "p"),
                    ("instance_id", "i"),
                    ("old_password", "Current-123"),
                    ("new_password", "short"),
                ],
                400,
                "DCS.4019",
            ),
            (
                DCS,
                vec![
                    ("project_id", "p"),
                    ("instance_id", "i"),
                    ("new_password", "Rotated-456"),
                ],
                400,
                "DCS.4800",
            ),
            (
                UREDIS,
                vec![("GroupId", "g"), ("Password", "has space!")],
                200,
                "230",
            ),
            (UREDIS, vec![("Password", "Rotated_456")], 200, "220"),
            (
                TCAPLUS,
                vec![
                    ("ClusterId", "c"),
                    ("OldPassword", "Current123"),
                    ("NewPassword", "alllowercase1"),
                    ("OldPasswordExpireTime", "2099-01-01 00:00:00"),
                ],
                200,
                "InvalidParameterValue",
            ),
        ];
        for (op, params, status, want) in cases {
            let (got_status, json) = send_unchecked(&emu, op, &params).await;
            assert_eq!(
                (got_status, code(op, &json).as_str()),
                (status, want),
                "{op} {params:?}"
            );
        }
        let (_, json) = send_unchecked(
            &emu,
            DTS_JOB,
            &[
                ("DtsJobId", "j"),
                ("Endpoint", "src"),
                ("Password", "Abc12345"),
            ],
        )
        .await;
        assert_eq!(json["DynamicMessage"], "UserName");
        let (_, json) = send_unchecked(
            &emu,
            TCAPLUS,
            &[
                ("ClusterId", "c"),
                ("OldPassword", "Current123"),
                ("NewPassword", "Rotated456"),
                ("OldPasswordExpireTime", "tomorrow"),
            ],
        )
        .await;
        assert_eq!(
            code(TCAPLUS, &json),
            "InvalidParameterValue.InvalidTimeValue"
        );
    }
}

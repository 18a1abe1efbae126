//! UCloud UDB (MySQL, PostgreSQL, SQL Server): `ModifyUDBInstancePassword`
//! on `api.ucloud.cn`. It sets the administrator password of a DB instance
//! without the old one (for SQL Server, of the account given).
//!
//! References:
//! - <https://docs.ucloud.cn/api/udb-api/modify_udb_instance_password>
//! - the SDK model: `ucloud-sdk-python3` 0.11.150,
//!   `services/udb/schemas/apis.py` `ModifyUDBInstancePasswordRequestSchema`
//!   (`Password` is `fields.Str`: sent as typed, not base64 — the SDK's
//!   `fields.Base64` is used for other APIs' passwords, not this one) and
//!   the docstring of `UDBClient.modify_udb_instance_password`, which holds
//!   the password rules.
//!
//! It answers `{"RetCode": 0, "Action": "ModifyUDBInstancePasswordResponse"}`.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

pub static MODIFY_INSTANCE_PASSWORD: Operation = Operation {
    id: "ucloud.udb.modify-instance-password",
    provider: Provider::UCloud,
    product: "UDB",
    api: "ModifyUDBInstancePassword",
    title: "Change a UDB instance's administrator password",
    notes: &[
        "Needs no old password: whoever holds the key can set a new one.",
        "For SQL Server, give the account; other engines change the administrator account.",
    ],
    fields: &[
        Field::text(
            "Region",
            "Region",
            "Region of the instance, e.g. cn-bj2. Give it with --region.",
            true,
        ),
        Field::text(
            "Zone",
            "Zone",
            "Availability zone, e.g. cn-bj2-04. Optional.",
            false,
        ),
        Field::text(
            "ProjectId",
            "Project ID",
            "Optional for the main account (the default project is used); sub-accounts must give it.",
            false,
        ),
        Field::id(
            "DBId",
            "Instance ID",
            "The UDB instance, e.g. udb-xxxxxx (DescribeUDBInstance lists them).",
            true,
        ),
        Field::secret(
            "Password",
            "New password",
            "8 to 36 characters: letters, digits and @#$%^*-+=_,?!&()~.| with at least two kinds.",
        ),
        Field::account(
            "AccountName",
            "SQL Server account",
            "Only for SQL Server: the account whose password changes.",
            false,
        ),
    ],
    region: RegionSpec {
        required: true,
        param: Some("Region"),
        global_host: Some("api.ucloud.cn"),
        regional_host: None,
        region_hosts: &[],
        examples: &["cn-bj2", "cn-sh2", "cn-gd", "hk"],
    },
    request: RequestShape::UCloud {
        action: "ModifyUDBInstancePassword",
    },
    new_password: NewPassword {
        field: "Password",
        current_field: None,
        policy: PasswordPolicy {
            // The SDK's docstring of the API: "实例的新密码。 8-36 位，支持大小写
            // 字母、数字、@#$%^*-+=_,?!&()~.|，须包含两类及以上字符". "大小写字母"
            // is read as one kind, letters: of the readings, the one that
            // refuses more (lower and upper case alone are refused here).
            length: LengthRule {
                min: 8,
                max: Some(36),
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 2,
                of: &[CharClass::Letter, CharClass::Digit, CharClass::Special],
            }),
            alphabet: Alphabet {
                specials: Specials::Only("@#$%^*-+=_,?!&()~.|"),
                not_first: "",
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 36,
                default: 24,
                // Without `$ & ( ) |`, which a shell treats specially.
                specials: "@#%^*-+=_,?!~.",
            },
        },
    },
    docs_url: "https://docs.ucloud.cn/api/udb-api/modify_udb_instance_password",
    rate_limit_per_second: None,
    resource_fields: &["DBId"],
    user_field: Some("AccountName"),
    old_password_expiry: None,
    login: Login::Database,
    answer: Answer::no_error(r#"{"RetCode":0,"Action":"ModifyUDBInstancePasswordResponse"}"#),
};

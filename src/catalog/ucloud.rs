//! UCloud URedis: `ModifyURedisGroupPassword` on `api.ucloud.cn`.
//!
//! The password travels base64-encoded; an empty one removes the password,
//! which Keyturn only does when the user confirms it explicitly.

use super::*;
use crate::rules::{Alphabet, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials};

pub static MODIFY_UREDIS_GROUP_PASSWORD: Operation = Operation {
    id: "ucloud.uredis.modify-group-password",
    provider: Provider::UCloud,
    product: "URedis",
    api: "ModifyURedisGroupPassword",
    title: "Change a URedis master group's password",
    notes: &["Only the master group's password can be changed, never a replica's."],
    fields: &[
        Field {
            wire_name: "Region",
            label: "Region",
            help: "Region of the group, e.g. cn-bj2. Give it with --region.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
        },
        Field {
            wire_name: "Zone",
            label: "Zone",
            help: "Availability zone, e.g. cn-bj2-04. Optional.",
            kind: FieldKind::Text,
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
        },
        Field {
            wire_name: "ProjectId",
            label: "Project ID",
            help: "Optional for the main account (the default project is used); sub-accounts must give it.",
            kind: FieldKind::Text,
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
        },
        Field {
            wire_name: "GroupId",
            label: "Group ID",
            help: "The master group whose password changes.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
        },
        Field {
            wire_name: "Password",
            label: "New password",
            help: "6 to 36 characters: letters, digits, - and _. Sent base64-encoded.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Base64,
            empty_means: Some("removes the group's password: anyone who can reach it can connect"),
        },
    ],
    region: RegionSpec {
        required: true,
        param: Some("Region"),
        global_host: Some("api.ucloud.cn"),
        regional_host: None,
        examples: &["cn-bj2", "cn-sh2", "cn-gd", "hk"],
    },
    request: RequestShape::UCloud {
        action: "ModifyURedisGroupPassword",
    },
    new_password: NewPassword {
        field: "Password",
        current_field: None,
        policy: PasswordPolicy {
            length: LengthRule {
                min: 6,
                max: Some(36),
                max_some_versions: None,
            },
            classes: None,
            alphabet: Alphabet {
                specials: Specials::Only("-_"),
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 6,
                max: 36,
                default: 24,
                specials: "-_",
            },
        },
    },
    docs_url: "https://docs.ucloud.cn/api/uredis-api/modify_uredis_group_password",
    rate_limit_per_second: None,
    resource_fields: &["GroupId"],
    user_field: None,
    old_password_expiry: None,
};

//! Alibaba Cloud DTS: `ModifyConsumerGroupPassword` and `ModifyDtsJobPassword`.
//!
//! Both are RPC-style APIs of version `2020-01-01` on `dts.aliyuncs.com` or
//! `dts.{region}.aliyuncs.com`.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

const REGION: RegionSpec = RegionSpec {
    required: false,
    param: Some("RegionId"),
    global_host: Some("dts.aliyuncs.com"),
    regional_host: Some("dts.{region}.aliyuncs.com"),
    examples: &[
        "cn-hangzhou",
        "cn-shanghai",
        "cn-beijing",
        "cn-shenzhen",
        "ap-southeast-1",
    ],
};

const REGION_FIELD: Field = Field {
    wire_name: "RegionId",
    label: "Region",
    help: "Region of the DTS instance, e.g. cn-hangzhou. Give it with --region.",
    kind: FieldKind::Text,
    required: false,
    default: None,
    location: Location::Param,
    encoding: Encoding::Plain,
    empty_means: None,
    id_syntax: None,
};

/// Special characters the generator uses for DTS: common ASCII punctuation
/// that needs no quoting in a shell or a connection string.
const DTS_GENERATOR_SPECIALS: &str = "!@#$%^&*-_=+";

pub static MODIFY_CONSUMER_GROUP_PASSWORD: Operation = Operation {
    id: "aliyun.dts.modify-consumer-group-password",
    provider: Provider::Alibaba,
    product: "DTS",
    api: "ModifyConsumerGroupPassword",
    title: "Change a change-tracking consumer group's password",
    notes: &[
        "Only for new-style subscription channels.",
        "The channel must be not started, failed to start, normal or abnormal.",
    ],
    fields: &[
        Field {
            wire_name: "SubscriptionInstanceId",
            label: "Subscription instance ID",
            help: "The change tracking instance, e.g. dtsg2m10r1x15a****.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "ConsumerGroupID",
            label: "Consumer group ID",
            help: "The consumer group, e.g. dtswc411cg617p****.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "ConsumerGroupPassword",
            label: "Current password",
            help: "The consumer group's password now.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "consumerGroupNewPassword",
            label: "New password",
            help: "8 to 32 characters, with at least two of: upper case, lower case, digits, special characters.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        REGION_FIELD,
        Field {
            wire_name: "ConsumerGroupName",
            label: "Consumer group name",
            help: "Optional.",
            kind: FieldKind::Text,
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "ConsumerGroupUserName",
            label: "Consumer group user name",
            help: "Optional.",
            kind: FieldKind::Text,
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
    ],
    region: REGION,
    request: RequestShape::AliyunRpc {
        action: "ModifyConsumerGroupPassword",
        version: "2020-01-01",
    },
    new_password: NewPassword {
        field: "consumerGroupNewPassword",
        current_field: Some("ConsumerGroupPassword"),
        policy: PasswordPolicy {
            length: LengthRule {
                min: 8,
                max: Some(32),
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 2,
                of: &[
                    CharClass::Upper,
                    CharClass::Lower,
                    CharClass::Digit,
                    CharClass::Special,
                ],
            }),
            alphabet: Alphabet {
                specials: Specials::PrintableAscii,
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 32,
                default: 20,
                specials: DTS_GENERATOR_SPECIALS,
            },
        },
    },
    docs_url: "https://help.aliyun.com/document_detail/2361498.html",
    rate_limit_per_second: None,
    resource_fields: &["SubscriptionInstanceId", "ConsumerGroupID"],
    user_field: Some("ConsumerGroupUserName"),
    old_password_expiry: None,
};

pub static MODIFY_DTS_JOB_PASSWORD: Operation = Operation {
    id: "aliyun.dts.modify-dts-job-password",
    provider: Provider::Alibaba,
    product: "DTS",
    api: "ModifyDtsJobPassword",
    title: "Change the source or destination database password of a DTS task",
    notes: &["The new password must differ from the current one."],
    fields: &[
        Field {
            wire_name: "DtsJobId",
            label: "DTS task ID",
            help: "The migration, synchronization or change tracking task, e.g. l3m1213ye7l****.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "Endpoint",
            label: "Database",
            help: "Which database the account belongs to.",
            kind: FieldKind::Choice(&[
                ("src", "source database"),
                ("dest", "destination database"),
            ]),
            // Optional on the wire, but the provider says it must be given.
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "UserName",
            label: "Database account",
            help: "The account of the source or destination database.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "CurrentPassword",
            label: "Current password",
            help: "Checked here only, never sent: the new password must differ from it.",
            kind: FieldKind::Secret,
            required: false,
            default: None,
            location: Location::LocalOnly,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "Password",
            label: "New password",
            help: "The account's new password; must differ from the current one.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        REGION_FIELD,
    ],
    region: REGION,
    request: RequestShape::AliyunRpc {
        action: "ModifyDtsJobPassword",
        version: "2020-01-01",
    },
    new_password: NewPassword {
        field: "Password",
        current_field: Some("CurrentPassword"),
        policy: PasswordPolicy {
            // The provider documents no length or class rules for this API;
            // only "not empty" and "differs from the current one" are checked.
            length: LengthRule {
                min: 1,
                max: None,
                max_some_versions: None,
            },
            classes: None,
            alphabet: Alphabet {
                specials: Specials::Unrestricted,
                version_dependent: &[],
            },
            differ_from_current: Severity::Error,
            generator: GeneratorSpec {
                min: 8,
                max: 64,
                default: 20,
                specials: DTS_GENERATOR_SPECIALS,
            },
        },
    },
    docs_url: "https://www.alibabacloud.com/help/en/dts/developer-reference/api-dts-2020-01-01-modifydtsjobpassword",
    rate_limit_per_second: None,
    resource_fields: &["DtsJobId", "Endpoint"],
    user_field: Some("UserName"),
    old_password_expiry: None,
};

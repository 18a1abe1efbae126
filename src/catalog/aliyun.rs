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
    region_hosts: DTS_REGION_HOSTS,
    examples: &[
        "cn-hangzhou",
        "cn-shanghai",
        "cn-beijing",
        "cn-shenzhen",
        "ap-southeast-1",
    ],
};

/// Region to host, as the official SDK maps them: `alibabacloud_dts20200101`
/// 5.11.7, `Client.__init__`'s `_endpoint_map` (`tests/conformance/
/// aliyun-dts-endpoints.json` holds the same table with its source). Every
/// region it names goes to the central `dts.aliyuncs.com`; any other to
/// `dts.{region}.aliyuncs.com` (its "regional" rule).
const DTS_REGION_HOSTS: &[(&str, &str)] = &[
    ("ap-northeast-2-pop", "dts.aliyuncs.com"),
    ("ap-south-1", "dts.aliyuncs.com"),
    ("ap-southeast-1", "dts.aliyuncs.com"),
    ("ap-southeast-2", "dts.aliyuncs.com"),
    ("ap-southeast-3", "dts.aliyuncs.com"),
    ("ap-southeast-5", "dts.aliyuncs.com"),
    ("cn-beijing", "dts.aliyuncs.com"),
    ("cn-beijing-finance-1", "dts.aliyuncs.com"),
    ("cn-beijing-finance-pop", "dts.aliyuncs.com"),
    ("cn-beijing-gov-1", "dts.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "dts.aliyuncs.com"),
    ("cn-chengdu", "dts.aliyuncs.com"),
    ("cn-edge-1", "dts.aliyuncs.com"),
    ("cn-fujian", "dts.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "dts.aliyuncs.com"),
    ("cn-hangzhou", "dts.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "dts.aliyuncs.com"),
    ("cn-hangzhou-finance", "dts.aliyuncs.com"),
    ("cn-hangzhou-internal-prod-1", "dts.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "dts.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "dts.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "dts.aliyuncs.com"),
    ("cn-hangzhou-test-306", "dts.aliyuncs.com"),
    ("cn-hongkong", "dts.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "dts.aliyuncs.com"),
    ("cn-huhehaote", "dts.aliyuncs.com"),
    ("cn-huhehaote-nebula-1", "dts.aliyuncs.com"),
    ("cn-north-2-gov-1", "dts.aliyuncs.com"),
    ("cn-qingdao", "dts.aliyuncs.com"),
    ("cn-qingdao-nebula", "dts.aliyuncs.com"),
    ("cn-shanghai", "dts.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "dts.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "dts.aliyuncs.com"),
    ("cn-shanghai-finance-1", "dts.aliyuncs.com"),
    ("cn-shanghai-inner", "dts.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "dts.aliyuncs.com"),
    ("cn-shenzhen", "dts.aliyuncs.com"),
    ("cn-shenzhen-finance-1", "dts.aliyuncs.com"),
    ("cn-shenzhen-inner", "dts.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "dts.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "dts.aliyuncs.com"),
    ("cn-wuhan", "dts.aliyuncs.com"),
    ("cn-wulanchabu", "dts.aliyuncs.com"),
    ("cn-yushanfang", "dts.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "dts.aliyuncs.com"),
    ("cn-zhangjiakou", "dts.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "dts.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "dts.aliyuncs.com"),
    ("eu-central-1", "dts.aliyuncs.com"),
    ("eu-west-1", "dts.aliyuncs.com"),
    ("eu-west-1-oxs", "dts.aliyuncs.com"),
    ("me-east-1", "dts.aliyuncs.com"),
    ("rus-west-1-pop", "dts.aliyuncs.com"),
    ("us-east-1", "dts.aliyuncs.com"),
    ("us-west-1", "dts.aliyuncs.com"),
];

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
    advanced: false,
    id_syntax: None,
    absent_means: None,
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
            advanced: false,
            id_syntax: Some(CLOUD_ID),
            absent_means: None,
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
            advanced: false,
            id_syntax: Some(CLOUD_ID),
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: Some(CONSUMER_GROUP_USER),
            absent_means: None,
        },
        Field::advanced_text(
            "ResourceGroupId",
            "Resource group ID",
            "The resource group of the change tracking instance, if it is not the default one.",
        ),
        Field::advanced_text(
            "AccountId",
            "Account ID",
            "The Alibaba Cloud account's ID. The SDK model says it will be deprecated and need not be given.",
        ),
        Field::advanced_text(
            "OwnerId",
            "Owner ID",
            "In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.",
        ),
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
                not_first: "",
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
    login: Login::NotAvailable(NoLogin::KafkaNotBuilt),
    // Its documented success answer carries `"Success": true`.
    answer: Answer {
        success: Success::Flag("Success"),
        task: None,
        // The page's example (its JSON; the SDK's model says `Success` is a
        // text, which the reader takes too).
        example: r#"{"RequestId":"A06B5CFF-9576-4BC1-BE62-A3D43E1F0000","Success":true}"#,
    },
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
            advanced: false,
            id_syntax: Some(CLOUD_ID),
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: Some(DATABASE_ACCOUNT),
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
        },
        REGION_FIELD,
        Field {
            wire_name: "SynchronizationDirection",
            label: "Direction",
            help: "Two-way synchronisation: Forward or Reverse, the direction whose database account changes. Forward unless given.",
            kind: FieldKind::Choice(&[
                ("Forward", "forward direction"),
                ("Reverse", "reverse direction"),
            ]),
            required: false,
            // Sent only when chosen, as both official SDKs do; a call
            // without it changes the forward direction's account (the
            // API's documented default).
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: Some("Forward"),
        },
        Field::advanced_text(
            "DtsInstanceId",
            "DTS instance ID",
            "The migration, synchronization or subscription instance, e.g. dtsi03e3zty16i****.",
        ),
        Field {
            wire_name: "ZeroEtlJob",
            label: "Zero-ETL task",
            help: "Whether the task is a Zero-ETL (seamless integration) node.",
            kind: FieldKind::Choice(&[
                ("true", "a Zero-ETL node"),
                ("false", "not a Zero-ETL node"),
            ]),
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        },
        Field::advanced_text(
            "ResourceGroupId",
            "Resource group ID",
            "The resource group of the DTS instance, if it is not the default one.",
        ),
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
                not_first: "",
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
    // The direction names which database account of a two-way
    // synchronisation changes: the reverse task's source is the forward
    // task's destination. Last, so that keys written before it read back
    // with the direction the API assumes (`ResourceKey::parse_legacy`).
    resource_fields: &["DtsJobId", "Endpoint", "SynchronizationDirection"],
    user_field: Some("UserName"),
    old_password_expiry: None,
    login: Login::Database,
    // Its documented success answer carries `"Success": true`.
    answer: Answer {
        success: Success::Flag("Success"),
        task: None,
        example: r#"{"RequestId":"8C498360-7892-433C-847A-BA71A8500000","HttpStatusCode":200,"Success":true}"#,
    },
};

/// The owner parameters that every Alibaba Cloud RPC model of these products
/// carries (`OwnerAccount`, `OwnerId`, `ResourceOwnerAccount`,
/// `ResourceOwnerId`), undescribed in the SDK models and left out by most
/// calls.
pub(super) const OWNER_ACCOUNT: Field = Field::advanced_text(
    "OwnerAccount",
    "Owner account",
    "In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.",
);
pub(super) const OWNER_ID: Field = Field::advanced_text(
    "OwnerId",
    "Owner ID",
    "In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.",
);
pub(super) const RESOURCE_OWNER_ACCOUNT: Field = Field::advanced_text(
    "ResourceOwnerAccount",
    "Resource owner account",
    "In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.",
);
pub(super) const RESOURCE_OWNER_ID: Field = Field::advanced_text(
    "ResourceOwnerId",
    "Resource owner ID",
    "In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.",
);

/// The database and Redis account rules that R-KVStore, RDS and PolarDB
/// each document in the same words (each entry cites its own page): 8 to
/// 32 characters, at least three of upper case, lower case, digits and
/// the specials `!@#$%^&*()_+-=`.
pub(super) const ACCOUNT_POLICY: PasswordPolicy = PasswordPolicy {
    length: LengthRule {
        min: 8,
        max: Some(32),
        max_some_versions: None,
    },
    classes: Some(ClassRule {
        at_least: 3,
        of: &[
            CharClass::Upper,
            CharClass::Lower,
            CharClass::Digit,
            CharClass::Special,
        ],
    }),
    alphabet: Alphabet {
        specials: Specials::Only("!@#$%^&*()_+-="),
        not_first: "",
        version_dependent: &[],
    },
    // Not documented; changing a password to itself is never meant.
    differ_from_current: Severity::Warning,
    generator: GeneratorSpec {
        min: 8,
        max: 32,
        default: 24,
        // Without `$`, `&`, `(` and `)`, which a shell or a connection
        // string treats specially.
        specials: "!@#%^*_+-=",
    },
};

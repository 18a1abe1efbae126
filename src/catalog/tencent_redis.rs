//! Tencent Cloud TencentDB for Redis, API 3.0 version `2018-04-12`, on
//! `redis.tencentcloudapi.com`: `ModifyInstancePassword` (with the old
//! password) and `ResetPassword` (without it).
//!
//! References:
//! - <https://www.tencentcloud.com/document/api/239/32059> (ModifyInstancePassword;
//!   "A maximum of 20 requests can be initiated per second")
//! - <https://www.tencentcloud.com/document/api/239/32054> (ResetPassword; the same limit)
//! - the SDK models: `tencentcloud-sdk-python-redis` 3.1.189,
//!   `v20180412.models.ModifyInstancePasswordRequest` and
//!   `ResetPasswordRequest`, whose descriptions hold the password rules.
//!
//! Both answer with a task, not a finished change: the documented success
//! answer is `{"Response": {"TaskId": 16661, "RequestId": "…"}}` (`TaskId`
//! an integer; ResetPassword's page says to ignore it when only switching
//! password-free mode). The task's progress is read with `DescribeTaskInfo`
//! (`TaskId` in, `Status` out: `preparing`, `running`, `succeed`, `failed`,
//! `error`), same version and host.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

/// The task a password change becomes, followed with `DescribeTaskInfo`
/// (same version and host): `Status` is `preparing` or `running` while it
/// runs, `succeed` when done, `failed` or `error` when it failed (the SDK
/// model's `DescribeTaskInfoResponse.Status`).
const TASK: TaskPoll = TaskPoll {
    id_field: "TaskId",
    call: RequestShape::TencentApi3 {
        service: "redis",
        action: "DescribeTaskInfo",
        version: "2018-04-12",
    },
    id_param: "TaskId",
    state_field: "Status",
    running: &["preparing", "running"],
    succeeded: &["succeed"],
    failed: &["failed", "error"],
};

/// The specials both models list: "特殊字符 ()~!@#$%^&*-+=_|{}[]:;<>,.?/".
const SPECIALS: &str = "()~!@#$%^&*-+=_|{}[]:;<>,.?/";
/// What the generator draws from: `SPECIALS` without `/` (a password must
/// not start with it) and without what a shell or a Redis URL treats
/// specially (`$ & | ; < > ( ) [ ] { } :`).
const GENERATOR_SPECIALS: &str = "~!@#%^*-+=_,.?";

/// Both models: "不能以"/"开头" and "至少包含小写字母a - z、大写字母A - Z、
/// 数字0 - 9、特殊字符 … 中的两项" (at least two of four classes).
const fn policy(max: usize) -> PasswordPolicy {
    PasswordPolicy {
        length: LengthRule {
            min: 8,
            max: Some(max),
            max_some_versions: None,
        },
        classes: Some(ClassRule {
            at_least: 2,
            of: &[
                CharClass::Lower,
                CharClass::Upper,
                CharClass::Digit,
                CharClass::Special,
            ],
        }),
        alphabet: Alphabet {
            specials: Specials::Only(SPECIALS),
            not_first: "/",
            version_dependent: &[],
        },
        differ_from_current: Severity::Warning,
        generator: GeneratorSpec {
            min: 8,
            max,
            default: if max < 24 { max } else { 24 },
            specials: GENERATOR_SPECIALS,
        },
    }
}

const REGION: RegionSpec = RegionSpec {
    required: true,
    // Region travels in the X-TC-Region header of API 3.0.
    param: None,
    global_host: Some("redis.tencentcloudapi.com"),
    regional_host: None,
    region_hosts: &[],
    examples: &["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore"],
};

const INSTANCE_ID: Field = Field::id(
    "InstanceId",
    "Instance ID",
    "The Redis instance, e.g. crs-xjhsdj****, as the console's instance list shows it.",
    true,
);

pub static MODIFY_INSTANCE_PASSWORD: Operation = Operation {
    id: "tencentcloud.redis.modify-instance-password",
    provider: Provider::Tencent,
    product: "Redis",
    api: "ModifyInstancePassword",
    title: "Change a TencentDB for Redis instance's password",
    notes: &[
        "The change runs as a task: the answer's TaskId tells when it has finished (DescribeTaskInfo).",
        "At most 20 requests per second.",
    ],
    fields: &[
        INSTANCE_ID,
        Field::secret(
            "OldPassword",
            "Old password",
            "The instance's password now.",
        ),
        Field::secret(
            "Password",
            "New password",
            "8 to 30 characters, not starting with /, with at least two of: lower case, upper case, digits, special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/",
        ),
    ],
    region: REGION,
    request: RequestShape::TencentApi3 {
        service: "redis",
        action: "ModifyInstancePassword",
        version: "2018-04-12",
    },
    new_password: NewPassword {
        field: "Password",
        current_field: Some("OldPassword"),
        // The SDK model's Password: "长度8 - 30位, 推荐使用12位以上的密码。
        // 不能以"/"开头。至少包含小写字母a - z、大写字母A - Z、数字0 - 9、特殊字符
        // ()~!@#$%^&*-+=_|{}[]:;<>,.?/中的两项。" (the English page says the
        // same). The page of the older, misspelled ModfiyInstancePassword
        // (239/111555) says 8 to 64; this API's own page wins, so more than
        // 30 is refused here.
        policy: policy(30),
    },
    docs_url: "https://www.tencentcloud.com/document/api/239/32059",
    rate_limit_per_second: Some(20),
    resource_fields: &["InstanceId"],
    user_field: None,
    old_password_expiry: None,
    login: Login::Redis,
    answer: Answer {
        success: Success::NoError,
        task: Some(TASK),
        example: r#"{"Response":{"RequestId":"cca16225-a169-4f11-b1cf-13398200f604","TaskId":16661}}"#,
    },
};

pub static RESET_PASSWORD: Operation = Operation {
    id: "tencentcloud.redis.reset-password",
    provider: Provider::Tencent,
    product: "Redis",
    api: "ResetPassword",
    title: "Reset a TencentDB for Redis instance's password",
    notes: &[
        "Needs no old password: whoever holds the key can set a new one.",
        "The change runs as a task: the answer's TaskId tells when it has finished (DescribeTaskInfo).",
        "Keyturn never switches an instance to password-free access (NoAuth true): that removes the password rather than rotating it.",
        "At most 20 requests per second.",
    ],
    fields: &[
        INSTANCE_ID,
        Field::secret(
            "Password",
            "New password",
            "8 to 32 characters, not starting with /, with at least two of: lower case, upper case, digits, special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/",
        ),
        Field {
            wire_name: "NoAuth",
            label: "Password-free access",
            help: "false switches a password-free instance back to password access. Left out, the instance keeps its mode. true (password-free) is not offered.",
            // `true` would make the instance password-free and leave no
            // password to rotate; the SDK model's other value is all a
            // rotation can mean.
            kind: FieldKind::Choice(&[("false", "password access")]),
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        },
        Field {
            wire_name: "EncryptPassword",
            label: "Encrypted password",
            help: "false: the password is sent as typed. Keyturn never sends an encrypted one (the API does not document how to encrypt it).",
            kind: FieldKind::Choice(&[("false", "sent as typed")]),
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        },
    ],
    region: REGION,
    request: RequestShape::TencentApi3 {
        service: "redis",
        action: "ResetPassword",
        version: "2018-04-12",
    },
    new_password: NewPassword {
        field: "Password",
        current_field: None,
        // The SDK model's Password: "长度8-32位, 推荐使用12位以上的密码。不能以"/"
        // 开头。至少包含小写字母a- z、大写字母A - Z、数字0 - 9、特殊字符
        // ()~!@#$%^&*-+=_|{}[]:;<>,.?/中的两项。"
        policy: policy(32),
    },
    docs_url: "https://www.tencentcloud.com/document/api/239/32054",
    rate_limit_per_second: Some(20),
    resource_fields: &["InstanceId"],
    user_field: None,
    old_password_expiry: None,
    login: Login::Redis,
    answer: Answer {
        success: Success::NoError,
        task: Some(TASK),
        example: r#"{"Response":{"TaskId":16662,"RequestId":"cca16225-a169-4f11-b1cf-13398200f605"}}"#,
    },
};

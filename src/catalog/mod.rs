//! The password-change operations, as data.
//!
//! Every part of Keyturn that needs to know about an operation — the request
//! builder, the password rules, the command line, the emulator and the tests —
//! reads the same [`Operation`] entry from [`CATALOG`]. Adding a field or
//! fixing a wire name is a one-line change here, not a hunt through code.

mod aliyun;
mod aliyun_kvstore;
mod aliyun_polardb;
mod aliyun_rds;
mod answer;
mod huawei;
mod huawei_dds;
mod huawei_rds;
mod tencent;
mod tencent_cdb;
mod tencent_redis;
mod ucloud;
mod ucloud_udb;

use crate::rules::PasswordPolicy;

pub use answer::{Answer, Success, TaskPoll, TaskState, answer_members, answer_members_mut};

/// Every operation Keyturn knows, in the order they are shown.
pub static CATALOG: &[&Operation] = &[
    &aliyun::MODIFY_CONSUMER_GROUP_PASSWORD,
    &aliyun::MODIFY_DTS_JOB_PASSWORD,
    &huawei::DCS_UPDATE_PASSWORD,
    &ucloud::MODIFY_UREDIS_GROUP_PASSWORD,
    &tencent::MODIFY_CLUSTER_PASSWORD,
    &aliyun_kvstore::MODIFY_ACCOUNT_PASSWORD,
    &aliyun_kvstore::RESET_ACCOUNT_PASSWORD,
    &aliyun_rds::RESET_ACCOUNT_PASSWORD,
    &aliyun_polardb::MODIFY_ACCOUNT_PASSWORD,
    &tencent_redis::MODIFY_INSTANCE_PASSWORD,
    &tencent_redis::RESET_PASSWORD,
    &tencent_cdb::MODIFY_ACCOUNT_PASSWORD,
    &huawei_rds::RESET_PASSWORD,
    &huawei_dds::RESET_PASSWORD,
    &ucloud_udb::MODIFY_INSTANCE_PASSWORD,
];

/// Looks an operation up by its id, e.g. `huaweicloud.dcs.update-password`.
pub fn find(id: &str) -> Option<&'static Operation> {
    CATALOG.iter().copied().find(|op| op.id == id)
}

/// The cloud that offers an operation; it decides the signing scheme and
/// how responses are read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Alibaba,
    Huawei,
    UCloud,
    Tencent,
}

impl Provider {
    pub const ALL: [Provider; 4] = [
        Provider::Alibaba,
        Provider::Huawei,
        Provider::UCloud,
        Provider::Tencent,
    ];

    /// The short name used on the command line and in stored data.
    pub fn key(self) -> &'static str {
        match self {
            Provider::Alibaba => "alibaba",
            Provider::Huawei => "huawei",
            Provider::UCloud => "ucloud",
            Provider::Tencent => "tencent",
        }
    }

    /// Reads a provider name; accepts the common spellings
    /// (`aliyun`, `huaweicloud`, `tencentcloud`, …).
    pub fn parse(text: &str) -> Option<Provider> {
        match text
            .to_ascii_lowercase()
            .replace([' ', '-', '_'], "")
            .as_str()
        {
            "alibaba" | "alibabacloud" | "aliyun" => Some(Provider::Alibaba),
            "huawei" | "huaweicloud" => Some(Provider::Huawei),
            "ucloud" => Some(Provider::UCloud),
            "tencent" | "tencentcloud" | "qcloud" => Some(Provider::Tencent),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Provider::Alibaba => "Alibaba Cloud",
            Provider::Huawei => "Huawei Cloud",
            Provider::UCloud => "UCloud",
            Provider::Tencent => "Tencent Cloud",
        }
    }
}

/// One password-change API.
#[derive(Debug)]
pub struct Operation {
    /// Stable id used on the command line and in stored data.
    pub id: &'static str,
    pub provider: Provider,
    /// Product name as the provider spells it, e.g. "DTS".
    pub product: &'static str,
    /// The API's own name, e.g. `ModifyClusterPassword`.
    pub api: &'static str,
    /// What the operation does, in a few words.
    pub title: &'static str,
    /// Limits or preconditions the user should know before calling.
    pub notes: &'static [&'static str],
    pub fields: &'static [Field],
    pub region: RegionSpec,
    pub request: RequestShape,
    /// Which field holds the new password, and the rules it must follow.
    pub new_password: NewPassword,
    /// Where the provider's documentation for this API lives.
    pub docs_url: &'static str,
    /// The provider's documented limit on calls per second, if any.
    pub rate_limit_per_second: Option<u32>,
    /// The fields that together name the resource whose password changes
    /// (with the region): stored passwords are kept per resource.
    pub resource_fields: &'static [&'static str],
    /// The field naming the account whose password changes, if the
    /// resource has several.
    pub user_field: Option<&'static str>,
    /// For an API where the old password stays valid for a while after a
    /// change: the field that says until when, and how to change only that.
    pub old_password_expiry: Option<ExpirySpec>,
    /// How a stored password of this operation's resources is proven: the
    /// service's own login (see `crate::prove`), or why there is none.
    pub login: Login,
    /// What its answer must hold to be read as a success, and the task to
    /// follow when the provider only accepts the change.
    pub answer: Answer,
}

/// The login that proves a password of an operation's resources works,
/// against the service itself rather than the cloud's API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Login {
    /// The Redis protocol: `AUTH` (with the user name for an ACL account),
    /// then `PING`.
    Redis,
    /// A database account: a MySQL or PostgreSQL login (which one, the
    /// resource's connection details say), then `SELECT 1`.
    Database,
    /// No test is offered, for this reason.
    NotAvailable(NoLogin),
}

/// Why a password of an operation cannot be tested by a login.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoLogin {
    /// The service has no public protocol a client could log in with
    /// (TcaplusDB speaks only its own SDK's protocol).
    NoPublicProtocol,
    /// A Kafka SASL/PLAIN handshake is not built: no Kafka broker with SASL
    /// can run on the machines that test Keyturn, and an untested login
    /// would be a guess.
    KafkaNotBuilt,
    /// A MongoDB login (SCRAM over the wire protocol) is not built: Debian
    /// ships no MongoDB server to test one against, and the official driver
    /// crate is heavy for one login.
    MongoNotBuilt,
}

/// When the old password stops working, for an API that keeps it valid for
/// a while after a change (TcaplusDB).
#[derive(Debug)]
pub struct ExpirySpec {
    /// The field carrying the expiry, a [`FieldKind::DateTime`].
    pub field: &'static str,
    pub format: DateTimeFormat,
    /// The zone the provider reads that local time in, and its name for people.
    pub utc_offset: time::UtcOffset,
    pub zone_name: &'static str,
    /// A field and value that make the call change only the expiry, moving
    /// no password (TcaplusDB's `Mode` 2).
    pub only_expiry: Option<(&'static str, &'static str)>,
}

/// The catalogue entry whose request shape `pick` accepts, with what `pick`
/// took from it (the emulator finds an operation by its action this way).
pub fn find_by_shape<T>(
    pick: impl Fn(RequestShape) -> Option<T>,
) -> Option<(&'static Operation, T)> {
    CATALOG
        .iter()
        .find_map(|op| pick(op.request).map(|t| (*op, t)))
}

/// The catalogue entry whose task poll call (`TaskPoll::call`) `pick`
/// accepts, with the poll and what `pick` took from its call.
pub fn find_task_poll<T>(
    pick: impl Fn(RequestShape) -> Option<T>,
) -> Option<(&'static Operation, TaskPoll, T)> {
    CATALOG.iter().find_map(|op| {
        let poll = op.answer.task?;
        pick(poll.call).map(|t| (*op, poll, t))
    })
}

impl ExpirySpec {
    /// Reads the field's text as the provider does.
    pub fn parse(&self, text: &str) -> Option<time::OffsetDateTime> {
        self.format.parse(text, self.utc_offset)
    }

    /// The field's text for `t`, as the provider reads it.
    pub fn format(&self, t: time::OffsetDateTime) -> String {
        self.format.format(t, self.utc_offset)
    }

    /// "Beijing time (UTC+8)".
    pub fn zone(&self) -> String {
        let (h, m, _) = self.utc_offset.as_hms();
        if m == 0 {
            format!("{} (UTC{h:+})", self.zone_name)
        } else {
            format!("{} (UTC{h:+}:{:02})", self.zone_name, m.abs())
        }
    }
}

impl Operation {
    pub fn field(&self, wire_name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.wire_name == wire_name)
    }

    /// What the provider takes the optional field `wire_name` to be when
    /// a request leaves it out, where a resource depends on it
    /// (ModifyDtsJobPassword's direction: `Forward`).
    pub fn assumed_when_absent(&self, wire_name: &str) -> Option<&'static str> {
        self.field(wire_name)?.absent_means
    }

    /// The user field when it is not also a resource field: a name that
    /// lists the resource fields and then the user names the account once.
    pub fn user_field_apart(&self) -> Option<&'static str> {
        self.user_field
            .filter(|u| !self.resource_fields.contains(u))
    }

    /// The field whose value names the project in a region (Huawei's
    /// project id), which a profile can remember per region.
    pub fn project_field(&self) -> Option<&'static str> {
        match self.request {
            RequestShape::HuaweiRest { project_field, .. } => project_field,
            _ => None,
        }
    }

    /// Whether these field values make a call that changes only the old
    /// password's expiry and no password.
    pub fn only_changes_expiry<'v>(&self, value: impl Fn(&str) -> Option<&'v str>) -> bool {
        self.old_password_expiry
            .as_ref()
            .and_then(|e| e.only_expiry)
            .is_some_and(|(field, wanted)| value(field) == Some(wanted))
    }
}

/// The field carrying the new password and the policy it is held to.
#[derive(Debug)]
pub struct NewPassword {
    pub field: &'static str,
    /// The field holding the current password, when the rules say the new
    /// one must differ from it.
    pub current_field: Option<&'static str>,
    pub policy: PasswordPolicy,
}

/// One input of an operation's form.
#[derive(Debug)]
pub struct Field {
    /// The name on the wire, exactly as the provider spells it
    /// (`consumerGroupNewPassword` really does start with a lower-case `c`).
    pub wire_name: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: FieldKind,
    pub required: bool,
    pub default: Option<&'static str>,
    pub location: Location,
    pub encoding: Encoding,
    /// Set when an empty value is meaningful but dangerous (UCloud removes the
    /// password): the text says what it does, and the user must confirm it.
    pub empty_means: Option<&'static str>,
    /// Optional and rarely needed (fields the SDK model has that most calls
    /// leave out): the form shows it under "Advanced".
    pub advanced: bool,
    /// What the provider accepts in an id field; a value outside it is
    /// refused before anything is built. Ids that go into a URL path have
    /// one, so that `..` or `/` can never change which path is called.
    pub id_syntax: Option<IdSyntax>,
    /// What the provider takes this optional field to be when a request
    /// leaves it out, where the resource depends on it (ModifyDtsJobPassword's
    /// direction: `Forward`; DDS's database: `admin`): it is sent only when
    /// chosen, as the official SDKs send it, and names the same resource
    /// either way.
    pub absent_means: Option<&'static str>,
}

impl Field {
    /// Whether the field is a boolean: a choice of `true` and/or `false`
    /// only (Tencent's `NoAuth`). JSON bodies carry it as `true` or
    /// `false`, not as a string, as the providers' SDKs send it.
    pub fn is_boolean(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(choices)
            if !choices.is_empty()
                && choices.iter().all(|(v, _)| matches!(*v, "true" | "false")))
    }

    /// A text parameter sent as given.
    pub const fn text(
        wire_name: &'static str,
        label: &'static str,
        help: &'static str,
        required: bool,
    ) -> Field {
        Field {
            required,
            advanced: false,
            ..Field::advanced_text(wire_name, label, help)
        }
    }

    /// A cloud's own id of a resource ([`CLOUD_ID`]), sent as given.
    pub const fn id(
        wire_name: &'static str,
        label: &'static str,
        help: &'static str,
        required: bool,
    ) -> Field {
        Field {
            id_syntax: Some(CLOUD_ID),
            absent_means: None,
            ..Field::text(wire_name, label, help, required)
        }
    }

    /// A database account's name, or the host it may connect from
    /// ([`DATABASE_ACCOUNT`]), sent as given.
    pub const fn account(
        wire_name: &'static str,
        label: &'static str,
        help: &'static str,
        required: bool,
    ) -> Field {
        Field {
            id_syntax: Some(DATABASE_ACCOUNT),
            absent_means: None,
            ..Field::text(wire_name, label, help, required)
        }
    }

    /// A required password parameter sent as given.
    pub const fn secret(wire_name: &'static str, label: &'static str, help: &'static str) -> Field {
        Field {
            kind: FieldKind::Secret,
            ..Field::text(wire_name, label, help, true)
        }
    }

    /// A required id that is one segment of the URL path ([`PATH_ID`]).
    pub const fn path_id(
        wire_name: &'static str,
        label: &'static str,
        help: &'static str,
    ) -> Field {
        Field {
            location: Location::Path,
            id_syntax: Some(PATH_ID),
            absent_means: None,
            ..Field::text(wire_name, label, help, true)
        }
    }

    /// An optional text field that most calls leave out (the form shows it
    /// under "Advanced"), sent as given.
    pub const fn advanced_text(
        wire_name: &'static str,
        label: &'static str,
        help: &'static str,
    ) -> Field {
        Field {
            wire_name,
            label,
            help,
            kind: FieldKind::Text,
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        }
    }
}

/// The characters and length an id field may have.
#[derive(Debug, Clone, Copy)]
pub struct IdSyntax {
    /// The rule in words, for the error message.
    pub describe: &'static str,
    pub max_len: usize,
    pub allows: fn(char) -> bool,
}

impl IdSyntax {
    pub fn accepts(&self, value: &str) -> bool {
        !value.is_empty() && value.len() <= self.max_len && value.chars().all(self.allows)
    }
}

/// A cloud's own id of a resource: Alibaba's DTS job, instance and group
/// ids (`l3m1213ye7l`, `dtsg2m10r1x15a`), Huawei's project ids (32 hex
/// digits) and instance ids (UUIDs), UCloud's group ids (`uredis-…`),
/// TcaplusDB's cluster ids (digits). The provider makes them, in ASCII: a
/// value outside it (an accented letter, composed or not) names nothing
/// there, and two spellings of one text would be two resources here.
pub const CLOUD_ID: IdSyntax = IdSyntax {
    describe: "1 to 64 ASCII letters, digits, '-' and '_'",
    max_len: 64,
    allows: |c| c.is_ascii_alphanumeric() || c == '-' || c == '_',
};

/// An id that is one segment of a URL path: every [`CLOUD_ID`] fits well
/// inside it; `.`, `..`, `/`, `%` and control characters never do.
pub const PATH_ID: IdSyntax = CLOUD_ID;

/// A DTS consumer group's user name: "up to 16 characters … letters,
/// digits, and underscores" (CreateConsumerGroup's `ConsumerGroupUserName`,
/// https://www.alibabacloud.com/help/en/doc-detail/122863.htm).
pub const CONSUMER_GROUP_USER: IdSyntax = IdSyntax {
    describe: "1 to 16 ASCII letters, digits and '_'",
    max_len: 16,
    allows: |c| c.is_ascii_alphanumeric() || c == '_',
};

/// A database account of a DTS task's source or destination. DTS documents
/// no rule for it; the databases it moves name accounts in printable ASCII
/// (RDS: lower-case letters, digits and '_'; MySQL at most 32 characters,
/// PostgreSQL 63, SQL Server and Oracle 128). Anything else, an accented
/// letter composed or not, is refused rather than kept as a second
/// spelling of one account.
pub const DATABASE_ACCOUNT: IdSyntax = IdSyntax {
    describe: "1 to 128 printable ASCII characters without spaces",
    max_len: 128,
    allows: |c| c.is_ascii_graphic(),
};

/// What kind of value a field holds; decides the widget and the validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// One of a fixed list of values: `(wire value, label)`. A choice whose
    /// every value is `true` or `false` is a boolean (see
    /// [`Field::is_boolean`]): a JSON body carries it as one.
    Choice(&'static [(&'static str, &'static str)]),
    /// A password: never logged, never taken literally from the command line.
    Secret,
    /// A wall-clock time in the format the provider wants.
    DateTime(DateTimeFormat),
}

/// Date-time formats used by the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeFormat {
    /// `YYYY-MM-DD HH:MM:SS`, as TcaplusDB's `OldPasswordExpireTime` wants.
    SpaceSeparated,
}

const SPACE_SEPARATED: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

impl DateTimeFormat {
    pub fn pattern(self) -> &'static str {
        match self {
            DateTimeFormat::SpaceSeparated => "YYYY-MM-DD HH:MM:SS",
        }
    }

    /// Reads a local time written in this format, in the zone `offset`.
    pub fn parse(self, text: &str, offset: time::UtcOffset) -> Option<time::OffsetDateTime> {
        match self {
            DateTimeFormat::SpaceSeparated => {
                time::PrimitiveDateTime::parse(text.trim(), SPACE_SEPARATED)
                    .ok()
                    .map(|t| t.assume_offset(offset))
            }
        }
    }

    /// Writes `t` in this format, as a local time in the zone `offset`.
    pub fn format(self, t: time::OffsetDateTime, offset: time::UtcOffset) -> String {
        match self {
            DateTimeFormat::SpaceSeparated => t
                .to_offset(offset)
                .format(SPACE_SEPARATED)
                .unwrap_or_default(),
        }
    }
}

/// Where a field's value goes in the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A request parameter: form body for RPC-style APIs, JSON body member for
    /// JSON APIs.
    Param,
    /// Substituted into the path template, e.g. `{project_id}`.
    Path,
    /// Checked locally, never sent (ModifyDtsJobPassword's current password).
    LocalOnly,
    /// A request header of this name (Huawei's optional `X-Language`), signed
    /// with the others.
    Header,
}

/// How a value is transformed before it goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Plain,
    /// Standard base64 (UCloud's `Password`).
    Base64,
}

/// How the region is given and where it goes.
#[derive(Debug)]
pub struct RegionSpec {
    pub required: bool,
    /// The operation's own region parameter, filled from `--region`
    /// (Alibaba `RegionId`, UCloud `Region`); `None` when the region travels
    /// elsewhere (Tencent's `X-TC-Region` header, Huawei's host name).
    pub param: Option<&'static str>,
    /// Host name without a region, used when no region is given.
    pub global_host: Option<&'static str>,
    /// Host name pattern with `{region}`, for a region `region_hosts` does
    /// not name. `None` with a table: only the table's regions have a host.
    pub regional_host: Option<&'static str>,
    /// The provider's own table of region to host, where it has one (the
    /// official SDK's endpoint map).
    pub region_hosts: &'static [(&'static str, &'static str)],
    /// A few well-known regions, offered as suggestions.
    pub examples: &'static [&'static str],
}

/// How the request is put together and signed.
#[derive(Debug, Clone, Copy)]
pub enum RequestShape {
    /// Alibaba Cloud RPC style, signed with ACS3-HMAC-SHA256; parameters,
    /// passwords included, in the signed query string, as the official SDK
    /// sends them (the URL that holds them is zeroed after use, see
    /// `HttpRequest::url`, and never logged).
    AliyunRpc {
        action: &'static str,
        version: &'static str,
    },
    /// Huawei Cloud REST with a JSON body, signed with SDK-HMAC-SHA256.
    HuaweiRest {
        method: &'static str,
        path: &'static str,
        /// The field whose value also goes, signed, in `X-Project-Id`.
        project_field: Option<&'static str>,
        /// The body's `Content-Type`, as the product's SDK sends (and
        /// signs) it: DCS's adds `;charset=utf-8`, RDS's and DDS's do not.
        content_type: &'static str,
    },
    /// UCloud's API: form body with `PublicKey` and `Signature`.
    UCloud { action: &'static str },
    /// Tencent Cloud API 3.0 with a JSON body, signed with TC3-HMAC-SHA256.
    TencentApi3 {
        service: &'static str,
        action: &'static str,
        version: &'static str,
    },
}

impl RequestShape {
    /// The signing scheme's name, as shown to the user.
    pub fn scheme(self) -> &'static str {
        match self {
            RequestShape::AliyunRpc { .. } => "ACS3-HMAC-SHA256",
            RequestShape::HuaweiRest { .. } => "SDK-HMAC-SHA256",
            RequestShape::UCloud { .. } => "UCloud SHA-1 signature",
            RequestShape::TencentApi3 { .. } => "TC3-HMAC-SHA256",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_findable() {
        for op in CATALOG {
            assert!(std::ptr::eq(find(op.id).unwrap(), *op));
        }
        let mut ids: Vec<_> = CATALOG.iter().map(|o| o.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 15);
    }

    #[test]
    fn password_fields_exist_and_are_secret() {
        for op in CATALOG {
            let f = op.field(op.new_password.field).expect("new password field");
            assert_eq!(f.kind, FieldKind::Secret, "{}", op.id);
            if let Some(cur) = op.new_password.current_field {
                assert_eq!(op.field(cur).map(|f| f.kind), Some(FieldKind::Secret));
            }
        }
    }

    #[test]
    fn resource_and_user_fields_exist() {
        for op in CATALOG {
            assert!(!op.resource_fields.is_empty(), "{}", op.id);
            for f in op.resource_fields.iter().chain(op.user_field.iter()) {
                assert!(op.field(f).is_some(), "{}: {f}", op.id);
            }
        }
    }

    #[test]
    fn region_param_is_a_field() {
        for op in CATALOG {
            if let Some(p) = op.region.param {
                assert!(op.field(p).is_some(), "{}: {p}", op.id);
            }
            assert!(op.region.global_host.is_some() || op.region.required);
        }
    }

    #[test]
    fn wire_names_match_the_provider_pages() {
        let dts = find("aliyun.dts.modify-consumer-group-password").unwrap();
        assert!(dts.field("consumerGroupNewPassword").is_some());
        assert!(dts.field("ConsumerGroupNewPassword").is_none());
        let dcs = find("huaweicloud.dcs.update-password").unwrap();
        for f in ["project_id", "instance_id", "old_password", "new_password"] {
            assert!(dcs.field(f).is_some(), "{f}");
        }
        let tc = find("tencentcloud.tcaplusdb.modify-cluster-password").unwrap();
        assert_eq!(tc.field("Mode").and_then(|f| f.default), Some("1"));
    }

    /// What names a resource (its ids and its account) is held to what the
    /// provider can have, before anything is stored or built: each such
    /// field of every operation has an id syntax, or is a choice among
    /// values the catalogue lists. None accepts a non-ASCII letter, in
    /// either of its Unicode spellings.
    #[test]
    fn every_resource_and_account_field_has_an_id_syntax() {
        for op in CATALOG {
            for wire in op.resource_fields.iter().chain(op.user_field.iter()) {
                let f = op.field(wire).expect("a field of the operation");
                if let FieldKind::Choice(choices) = f.kind {
                    assert!(
                        choices.iter().all(|(v, _)| v.is_ascii()),
                        "{}.{wire}",
                        op.id
                    );
                    continue;
                }
                let syntax = f.id_syntax.unwrap_or_else(|| {
                    panic!("{}.{wire} names a resource without an id syntax", op.id)
                });
                for bad in ["caf\u{e9}", "cafe\u{301}", "", "a b", "a\u{0}b", "\u{ff21}"] {
                    assert!(!syntax.accepts(bad), "{}.{wire} accepts {bad:?}", op.id);
                }
                assert!(syntax.accepts("dtstest_01"), "{}.{wire}", op.id);
            }
        }
    }

    #[test]
    fn every_path_field_has_an_id_syntax_that_refuses_climbing_out() {
        for op in CATALOG {
            for f in op.fields.iter().filter(|f| f.location == Location::Path) {
                let syntax = f.id_syntax.as_ref().unwrap_or_else(|| {
                    panic!(
                        "{}.{} goes into the path without an id syntax",
                        op.id, f.wire_name
                    )
                });
                for bad in [".", "..", "a/b", "%2e%2e", "a\u{1b}b", "a\nb", ""] {
                    assert!(
                        !syntax.accepts(bad),
                        "{}.{} accepts {bad:?}",
                        op.id,
                        f.wire_name
                    );
                }
                assert!(syntax.accepts("5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b"));
                assert!(syntax.accepts("0504201b5a80d3a22f6ec01a1f4b5c9c"));
            }
        }
    }
}

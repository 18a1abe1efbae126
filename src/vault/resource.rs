//! Naming a resource whose password Keyturn keeps, and its slots.
//!
//! A resource is an operation, a region, the catalogue's resource fields
//! and (where the operation has one) the account name. Its text form, e.g.
//! `huaweicloud.dcs.update-password/cn-north-4/5560df16` or
//! `aliyun.dts.modify-dts-job-password/cn-hangzhou/l3m1213ye7l/src/Forward@dtstest`,
//! is injective: each part is percent-encoded (`/`, `@`, `%`, spaces and
//! control characters, and anything outside ASCII), so an id holding `/`
//! or `@` can never make two resources share one text, and every text reads
//! back to the key it came from.
//!
//! Keyturn up to index format 1 joined the parts unescaped;
//! [`ResourceKey::parse_legacy`] reads that form for migration only.

use std::fmt;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use serde::{Deserialize, Deserializer, Serialize};

use crate::catalog::{Operation, find};
use crate::request::ValidatedRequest;

/// What a part of the text form must escape: the two separators, the
/// escape character itself, and anything a terminal or a person would
/// misread.
const PART: &AsciiSet = &CONTROLS.add(b'/').add(b'@').add(b'%').add(b' ');

/// The three staging slots, after AWS Secrets Manager's labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// The password the resource has now, as far as Keyturn knows.
    Current,
    /// The one before it.
    Previous,
    /// Set but not yet confirmed: a change is under way or its result is unknown.
    Pending,
}

impl Slot {
    pub const ALL: [Slot; 3] = [Slot::Current, Slot::Previous, Slot::Pending];

    pub fn key(self) -> &'static str {
        match self {
            Slot::Current => "current",
            Slot::Previous => "previous",
            Slot::Pending => "pending",
        }
    }

    pub fn parse(text: &str) -> Option<Slot> {
        Slot::ALL.into_iter().find(|s| s.key() == text)
    }
}

/// One resource. Serialised (in the journal) as its parts; read back from
/// its parts or, from journals written before the parts were stored, from
/// the legacy text form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ResourceKey {
    pub operation: String,
    pub region: String,
    pub ids: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}

impl<'de> Deserialize<'de> for ResourceKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Parts {
            operation: String,
            region: String,
            ids: Vec<String>,
            #[serde(default)]
            user: Option<String>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Parts(Parts),
            Legacy(String),
        }
        match Stored::deserialize(d)? {
            Stored::Parts(p) => Ok(ResourceKey {
                ids: match find(&p.operation) {
                    Some(op) => with_later_defaults(op, p.ids).ok_or_else(|| {
                        serde::de::Error::custom("a resource with the wrong number of ids")
                    })?,
                    None => p.ids,
                },
                operation: p.operation,
                region: p.region,
                user: p.user.filter(|u| !u.is_empty()),
            }),
            Stored::Legacy(text) => ResourceKey::parse_legacy(&text).ok_or_else(|| {
                serde::de::Error::custom("a resource in the old text form that cannot be read")
            }),
        }
    }
}

impl ResourceKey {
    /// The resource a validated request changes.
    pub fn of(request: &ValidatedRequest) -> ResourceKey {
        let text = |name: &str| request.value(name).map(|v| v.expose().to_owned());
        Self::build(request.op(), request.region(), text)
    }

    /// The resource a form names before it is complete: `None` until
    /// every resource field has a value. `text` gives a field's value by
    /// wire name.
    pub fn of_fields(
        op: &Operation,
        region: Option<&str>,
        text: impl Fn(&str) -> Option<String>,
    ) -> Option<ResourceKey> {
        let given = |name: &&str| {
            text(name).is_some_and(|v| !v.trim().is_empty())
                || op.assumed_when_absent(name).is_some()
        };
        op.resource_fields
            .iter()
            .all(given)
            .then(|| Self::build(op, region, |name| text(name).map(|v| v.trim().to_owned())))
    }

    fn build(
        op: &Operation,
        region: Option<&str>,
        text: impl Fn(&str) -> Option<String>,
    ) -> ResourceKey {
        ResourceKey {
            operation: op.id.to_owned(),
            region: region.map_or_else(|| "-".into(), str::to_owned),
            ids: op
                .resource_fields
                .iter()
                .map(|f| {
                    text(f)
                        .filter(|v| !v.is_empty())
                        .or_else(|| op.assumed_when_absent(f).map(str::to_owned))
                        .unwrap_or_default()
                })
                .collect(),
            user: op.user_field.and_then(&text).filter(|u| !u.is_empty()),
        }
    }

    /// Reads the text form back; `None` for anything [`fmt::Display`]
    /// could not have written for a known operation.
    pub fn parse(text: &str) -> Option<ResourceKey> {
        let decode = |part: &str| {
            percent_decode_str(part)
                .decode_utf8()
                .ok()
                .map(|s| s.into_owned())
        };
        let (path, user) = match text.split_once('@') {
            Some((p, u)) if !u.is_empty() && !u.contains('@') => (p, Some(decode(u)?)),
            Some(_) => return None,
            None => (text, None),
        };
        let mut parts = path.split('/');
        let operation = decode(parts.next()?)?;
        let op = find(&operation)?;
        let region = decode(parts.next()?)?;
        let ids = parts.map(decode).collect::<Option<Vec<String>>>()?;
        let key = (ids.len() == op.resource_fields.len()).then_some(ResourceKey {
            operation,
            region,
            ids,
            user,
        })?;
        // Only the canonical spelling: "%41" for "A" would be a second text
        // for one key.
        (key.to_string() == text).then_some(key)
    }

    /// Reads the unescaped text form of index format 1 and older journals.
    pub fn parse_legacy(text: &str) -> Option<ResourceKey> {
        let (path, user) = match text.rsplit_once('@') {
            Some((p, u)) => (p, Some(u.to_owned())),
            None => (text, None),
        };
        let mut parts = path.split('/');
        let operation = parts.next()?.to_owned();
        let op = find(&operation)?;
        let region = parts.next()?.to_owned();
        let ids = with_later_defaults(op, parts.map(str::to_owned).collect())?;
        Some(ResourceKey {
            operation,
            region,
            ids,
            user: user.filter(|u| !u.is_empty()),
        })
    }

    /// The unescaped text form of index format 1, which named the keyring
    /// entries of Keyturn up to then.
    pub fn legacy_text(&self) -> String {
        let mut text = format!("{}/{}", self.operation, self.region);
        for id in &self.ids {
            text.push('/');
            text.push_str(id);
        }
        if let Some(user) = &self.user {
            text.push('@');
            text.push_str(user);
        }
        text
    }

    pub fn operation(&self) -> Option<&'static Operation> {
        find(&self.operation)
    }

    /// The resource in the words of the app's forms, by its fields'
    /// labels: "Huawei Cloud DCS Instance ID 5560df16 in cn-north-4".
    pub fn human_name(&self) -> String {
        let Some(op) = self.operation() else {
            return self.to_string();
        };
        let label = |wire: &'static str| op.field(wire).map_or(wire, |f| f.label);
        let ids: Vec<String> = op
            .resource_fields
            .iter()
            .zip(&self.ids)
            .map(|(f, v)| format!("{} {}", label(f), v.escape_debug()))
            .collect();
        let mut text = format!("{} {} {}", op.provider.name(), op.product, ids.join(", "));
        if let (Some(user), Some(field)) = (&self.user, op.user_field_apart()) {
            text.push_str(&format!(", {} {}", label(field), user.escape_debug()));
        }
        if self.region != "-" {
            text.push_str(&format!(" in {}", self.region.escape_debug()));
        }
        text
    }

    /// A line for the command line, by the fields' wire names (as
    /// `--param` takes them): "DCS instance_id=5560df16 in cn-north-4".
    pub fn describe(&self) -> String {
        let Some(op) = self.operation() else {
            return self.to_string();
        };
        let ids: Vec<String> = op
            .resource_fields
            .iter()
            .zip(&self.ids)
            .map(|(f, v)| format!("{f}={}", v.escape_debug()))
            .collect();
        let mut text = format!("{} {} {}", op.provider.name(), op.product, ids.join(" "));
        if let Some(user) = self
            .user
            .as_ref()
            .filter(|_| op.user_field_apart().is_some())
        {
            text.push_str(&format!(" user {}", user.escape_debug()));
        }
        if self.region != "-" {
            text.push_str(&format!(" in {}", self.region.escape_debug()));
        }
        text
    }
}

/// `ids` for `op`, with the resource fields added after a key was first
/// written (ModifyDtsJobPassword's direction) filled in with what the
/// provider assumes without them; `None` if they cannot name a resource
/// of `op`.
fn with_later_defaults(op: &Operation, mut ids: Vec<String>) -> Option<Vec<String>> {
    while ids.len() < op.resource_fields.len() {
        let default = op.assumed_when_absent(op.resource_fields[ids.len()])?;
        ids.push(default.to_owned());
    }
    (ids.len() == op.resource_fields.len()).then_some(ids)
}

impl fmt::Display for ResourceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |s: &str| utf8_percent_encode(s, PART).to_string();
        write!(f, "{}/{}", part(&self.operation), part(&self.region))?;
        for id in &self.ids {
            write!(f, "/{}", part(id))?;
        }
        if let Some(user) = &self.user {
            write!(f, "@{}", part(user))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DTS_GROUP: &str = "aliyun.dts.modify-consumer-group-password";

    #[test]
    fn text_form_round_trips() {
        for text in [
            "huaweicloud.dcs.update-password/cn-north-4/5560df16",
            "aliyun.dts.modify-dts-job-password/cn-hangzhou/l3m1213ye7l/src/Forward@dtstest",
            "ucloud.uredis.modify-group-password/cn-bj2/uredis-1",
        ] {
            let key = ResourceKey::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
            assert_eq!(key.legacy_text(), text, "plain ids keep their old text");
        }
        assert!(ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4").is_none());
        // A DTS job's key from before the direction was part of it reads
        // back with the default direction, in the old form only.
        let old = "aliyun.dts.modify-dts-job-password/cn-hangzhou/l3m1213ye7l/src@dtstest";
        assert!(ResourceKey::parse(old).is_none());
        let key = ResourceKey::parse_legacy(old).unwrap();
        assert_eq!(key.ids, ["l3m1213ye7l", "src", "Forward"]);
        assert_eq!(key.user.as_deref(), Some("dtstest"));
        assert!(ResourceKey::parse("nope/x/y").is_none());
        assert!(ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4/i-%41").is_none());
        assert!(ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4/i@").is_none());
    }

    /// The direction is sent only when chosen, but a call without it
    /// changes the forward direction's account: the same resource.
    #[test]
    fn a_dts_job_without_a_direction_is_its_forward_resource() {
        use crate::request::{Inputs, Value, validate};
        let op = find("aliyun.dts.modify-dts-job-password").unwrap();
        let key = |direction: Option<&str>| {
            let mut inputs = Inputs {
                region: Some("cn-hangzhou".into()),
                ..Inputs::default()
            };
            for (f, v) in [
                ("DtsJobId", "l3m1213ye7l"),
                ("Endpoint", "src"),
                ("UserName", "dtstest"),
            ] {
                inputs.set(f, Value::Plain(v.into()));
            }
            inputs.set("Password", Value::Secret("Dts-Passw0rd@2026".into()));
            if let Some(d) = direction {
                inputs.set("SynchronizationDirection", Value::Plain(d.into()));
            }
            let validated = validate(op, &inputs).unwrap();
            assert_eq!(
                validated.value("SynchronizationDirection").is_some(),
                direction.is_some(),
                "sent only when chosen"
            );
            ResourceKey::of(&validated)
        };
        assert_eq!(key(None), key(Some("Forward")));
        assert_eq!(key(None).ids, ["l3m1213ye7l", "src", "Forward"]);
        assert_ne!(key(None), key(Some("Reverse")));
        let form = |wire: &str| {
            [("DtsJobId", "l3m1213ye7l"), ("Endpoint", "src")]
                .iter()
                .find(|(f, _)| *f == wire)
                .map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(
            ResourceKey::of_fields(op, Some("cn-hangzhou"), form).map(|k| k.ids),
            Some(vec!["l3m1213ye7l".into(), "src".into(), "Forward".into()])
        );
    }

    #[test]
    fn ids_with_separators_never_share_a_text() {
        let key = |sub: &str, group: &str| ResourceKey {
            operation: DTS_GROUP.into(),
            region: "cn-hangzhou".into(),
            ids: vec![sub.into(), group.into()],
            user: None,
        };
        let a = key("sub/x", "grp");
        let b = key("sub", "x/grp");
        assert_eq!(a.legacy_text(), b.legacy_text(), "the old form collided");
        assert_ne!(a.to_string(), b.to_string());
        assert_eq!(ResourceKey::parse(&a.to_string()), Some(a.clone()));
        assert_eq!(ResourceKey::parse(&b.to_string()), Some(b));
        let c = key("s@1", "100%");
        assert_eq!(
            c.to_string(),
            format!("{DTS_GROUP}/cn-hangzhou/s%401/100%25")
        );
        assert_eq!(ResourceKey::parse(&c.to_string()), Some(c));
    }

    #[test]
    fn journal_form_reads_parts_and_the_legacy_text() {
        let key = ResourceKey {
            operation: DTS_GROUP.into(),
            region: "cn-hangzhou".into(),
            ids: vec!["sub/x".into(), "grp".into()],
            user: None,
        };
        let json = serde_json::to_string(&key).unwrap();
        assert_eq!(serde_json::from_str::<ResourceKey>(&json).unwrap(), key);
        let legacy: ResourceKey =
            serde_json::from_str(&format!("\"{DTS_GROUP}/cn-hangzhou/sub/grp\"")).unwrap();
        assert_eq!(legacy.ids, vec!["sub".to_owned(), "grp".to_owned()]);
        assert!(serde_json::from_str::<ResourceKey>("\"nope/x\"").is_err());
    }

    proptest! {
        #[test]
        fn any_ids_round_trip(
            sub in "\\PC{0,12}",
            group in "[a-z/@%: \u{1b}\u{4e2d}]{0,12}",
            user in proptest::option::of("[a-z@/%]{1,6}"),
        ) {
            let key = ResourceKey {
                operation: DTS_GROUP.into(),
                region: "cn-hangzhou".into(),
                ids: vec![sub, group],
                user,
            };
            let text = key.to_string();
            prop_assert!(!text.chars().any(char::is_control));
            prop_assert_eq!(ResourceKey::parse(&text), Some(key));
        }
    }

    #[test]
    fn labels_say_what_the_resource_is() {
        let key = ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4/i-1").unwrap();
        assert_eq!(
            key.describe(),
            "Huawei Cloud DCS instance_id=i-1 in cn-north-4"
        );
    }
}

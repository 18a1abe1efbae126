//! Naming a resource whose password Keyturn keeps, and its slots.
//!
//! A resource is an operation, a region, the catalogue's resource fields
//! and (where the operation has one) the account name, e.g.
//! `huaweicloud.dcs.update-password/cn-north-4/5560df16` or
//! `aliyun.dts.modify-dts-job-password/cn-hangzhou/l3m1213ye7l/src@dtstest`.

use std::fmt;

use super::secrets::EntryName;
use crate::catalog::{Operation, find};
use crate::request::ValidatedRequest;

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

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ResourceKey {
    pub operation: String,
    pub region: String,
    pub ids: Vec<String>,
    pub user: Option<String>,
}

impl ResourceKey {
    /// The resource a validated request changes.
    pub fn of(request: &ValidatedRequest) -> ResourceKey {
        let op = request.op;
        let text = |name: &str| request.value(name).map(|v| v.expose().to_owned());
        ResourceKey {
            operation: op.id.to_owned(),
            region: request.region.clone().unwrap_or_else(|| "-".into()),
            ids: op
                .resource_fields
                .iter()
                .map(|f| text(f).unwrap_or_default())
                .collect(),
            user: op.user_field.and_then(text).filter(|u| !u.is_empty()),
        }
    }

    /// Reads the text form back.
    pub fn parse(text: &str) -> Option<ResourceKey> {
        let (path, user) = match text.rsplit_once('@') {
            Some((p, u)) => (p, Some(u.to_owned())),
            None => (text, None),
        };
        let mut parts = path.split('/');
        let operation = parts.next()?.to_owned();
        let op = find(&operation)?;
        let region = parts.next()?.to_owned();
        let ids: Vec<String> = parts.map(str::to_owned).collect();
        (ids.len() == op.resource_fields.len()).then_some(ResourceKey {
            operation,
            region,
            ids,
            user,
        })
    }

    pub fn operation(&self) -> Option<&'static Operation> {
        find(&self.operation)
    }

    /// A line a person recognises: "DCS instance_id=5560df16 in cn-north-4".
    pub fn describe(&self) -> String {
        let Some(op) = self.operation() else {
            return self.to_string();
        };
        let ids: Vec<String> = op
            .resource_fields
            .iter()
            .zip(&self.ids)
            .map(|(f, v)| format!("{f}={v}"))
            .collect();
        let mut text = format!("{} {} {}", op.provider.name(), op.product, ids.join(" "));
        if let Some(user) = &self.user {
            text.push_str(&format!(" user {user}"));
        }
        if self.region != "-" {
            text.push_str(&format!(" in {}", self.region));
        }
        text
    }

    /// The keyring entry of one slot.
    pub fn entry(&self, slot: Slot) -> EntryName {
        EntryName {
            user: format!("password:{}:{}", self, slot.key()),
            label: format!("Keyturn: {} password of {}", slot.key(), self.describe()),
            what: format!("the {} password of {self}", slot.key()),
        }
    }
}

impl fmt::Display for ResourceKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.operation, self.region)?;
        for id in &self.ids {
            write!(f, "/{id}")?;
        }
        if let Some(user) = &self.user {
            write!(f, "@{user}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_round_trips() {
        for text in [
            "huaweicloud.dcs.update-password/cn-north-4/5560df16",
            "aliyun.dts.modify-dts-job-password/cn-hangzhou/l3m1213ye7l/src@dtstest",
            "ucloud.uredis.modify-group-password/cn-bj2/uredis-1",
        ] {
            let key = ResourceKey::parse(text).unwrap();
            assert_eq!(key.to_string(), text);
        }
        assert!(ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4").is_none());
        assert!(ResourceKey::parse("nope/x/y").is_none());
    }

    #[test]
    fn labels_say_what_the_entry_is() {
        let key = ResourceKey::parse("huaweicloud.dcs.update-password/cn-north-4/i-1").unwrap();
        let e = key.entry(Slot::Pending);
        assert_eq!(
            e.label,
            "Keyturn: pending password of Huawei Cloud DCS instance_id=i-1 in cn-north-4"
        );
        assert_eq!(
            e.user,
            "password:huaweicloud.dcs.update-password/cn-north-4/i-1:pending"
        );
    }
}

//! What is remembered of the forms between runs ([`Prefs`]): the
//! operation shown last and each operation's choices. Never a secret.
//! Apart from the panel, so that the form's state, which starts from
//! them, imports nothing of the module that holds it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What is remembered of the forms between runs. Never a secret.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The operation shown last.
    pub operation: Option<String>,
    /// By operation id.
    pub per_op: BTreeMap<String, OpPrefs>,
}

/// One operation's remembered choices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpPrefs {
    pub region: String,
    pub endpoint: String,
    /// The profile last used; `None` for a typed key.
    pub profile: Option<String>,
    /// Generator length, within the operation's generator bounds.
    pub generator_length: Option<usize>,
    pub avoid_lookalikes: bool,
}

impl Default for OpPrefs {
    /// Generated passwords avoid look-alike characters unless the admin
    /// says otherwise: they are read and typed by people.
    fn default() -> Self {
        OpPrefs {
            region: String::new(),
            endpoint: String::new(),
            profile: None,
            generator_length: None,
            avoid_lookalikes: true,
        }
    }
}

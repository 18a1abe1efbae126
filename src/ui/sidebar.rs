//! The left side: the stored profiles (read from the vault's index by a
//! background job) and the five operations grouped by provider.
//!
//! Picking an operation opens its form; picking a profile uses it in the
//! form (opening that provider's first operation if the current one is
//! another provider's). Profiles hold no secret here: only the index's
//! names, providers and key ids.

use egui::{RichText, Ui};

use crate::catalog::{CATALOG, Operation, Provider};
use crate::jobs::JobId;
use crate::tr;
use crate::ui::Action;
use crate::ui::remedy::Failure;
use crate::ui::widgets::Named;
use crate::ui::widgets::keep_focus_in_view;
use crate::vault::{Index, Profile};
use crate::words;

/// Where the profile list stands.
#[derive(Debug, Default)]
pub enum Profiles {
    #[default]
    Loading,
    Loaded(Vec<Profile>),
    Failed(Failure),
}

/// The sidebar's state.
#[derive(Debug, Default)]
pub struct Sidebar {
    profiles: Profiles,
    /// The index read the sidebar waits for; older ones are stale.
    loading: Option<JobId>,
}

impl Sidebar {
    /// The profiles known so far (empty while loading or after a failure).
    pub fn profiles(&self) -> &[Profile] {
        match &self.profiles {
            Profiles::Loaded(p) => p,
            _ => &[],
        }
    }

    /// Whether an index read is awaited.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// A new index read has started; only its answer will be taken.
    pub fn loading(&mut self, id: JobId) {
        self.loading = Some(id);
        if !matches!(self.profiles, Profiles::Loaded(_)) {
            self.profiles = Profiles::Loading;
        }
    }

    /// An index read finished. Answers to older reads are dropped; returns
    /// whether this one was taken.
    pub fn index_read(&mut self, id: JobId, result: Result<Index, Failure>) -> bool {
        if self.loading != Some(id) {
            return false;
        }
        self.loading = None;
        self.profiles = match result {
            Ok(index) => Profiles::Loaded(index.profiles),
            Err(e) => Profiles::Failed(e),
        };
        true
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        current: &'static Operation,
        profile: Option<&str>,
        actions: &mut Vec<Action>,
    ) {
        let Self { profiles, loading } = self;
        egui::ScrollArea::vertical().show(ui, |ui| {
            keep_focus_in_view(ui);
            ui.horizontal(|ui| {
                ui.heading(tr!("app-sidebar-profiles"));
                if ui
                    .add_enabled(
                        loading.is_none(),
                        egui::Button::new(tr!("app-sidebar-reload")),
                    )
                    .on_hover_text(tr!("app-sidebar-reload-hover"))
                    .named(&tr!("app-sidebar-reload-name"))
                    .clicked()
                {
                    actions.push(Action::ReloadProfiles);
                }
            });
            match profiles {
                Profiles::Loading => {
                    ui.label(RichText::new(tr!("app-sidebar-reading")).weak());
                }
                Profiles::Failed(e) => {
                    ui.label(
                        RichText::new(tr!("app-sidebar-failed")).color(ui.visuals().error_fg_color),
                    );
                    ui.label(RichText::new(e.words()).weak());
                }
                Profiles::Loaded(list) if list.is_empty() => {
                    ui.label(RichText::new(tr!("app-sidebar-none")).weak());
                    ui.label(RichText::new(tr!("app-sidebar-none-hint")).weak());
                }
                Profiles::Loaded(list) => {
                    for p in list.iter() {
                        let selected = profile == Some(p.name.as_str());
                        ui.selectable_label(selected, p.name.as_str())
                            .on_hover_text(profile_hover(p))
                            .clicked()
                            .then(|| actions.push(Action::SelectProfile(p.name.clone())));
                        ui.label(
                            RichText::new(format!(
                                "{} · {}",
                                words::provider(p.provider),
                                p.key_id
                            ))
                            .weak(),
                        );
                    }
                }
            }
            ui.separator();
            ui.heading(tr!("app-sidebar-operations"));
            for provider in Provider::ALL {
                ui.label(RichText::new(words::provider(provider)).strong());
                for op in CATALOG.iter().copied().filter(|op| op.provider == provider) {
                    let selected = std::ptr::eq(op, current);
                    let label = format!("{} {}", op.product, op.api);
                    if ui
                        .selectable_label(selected, label)
                        .on_hover_text(words::title(op))
                        .clicked()
                        && !selected
                    {
                        actions.push(Action::SelectOperation(op));
                    }
                }
                ui.add_space(4.0);
            }
        });
    }
}

/// A profile's provider, key id and region, on hover.
fn profile_hover(p: &Profile) -> String {
    let provider = words::provider(p.provider);
    match &p.region {
        Some(region) => tr!(
            "app-sidebar-profile-hover-region",
            provider = provider,
            key = p.key_id.as_str(),
            region = region.as_str()
        ),
        None => tr!(
            "app-sidebar-profile-hover",
            provider = provider,
            key = p.key_id.as_str()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::new_profile;

    fn index(names: &[&str]) -> Index {
        Index {
            version: 1,
            profiles: names
                .iter()
                .map(|n| new_profile(n, Provider::Huawei, "AK", time::OffsetDateTime::UNIX_EPOCH))
                .collect(),
            resources: Vec::new(),
        }
    }

    #[test]
    fn only_the_newest_index_read_is_taken() {
        let mut jobs = crate::jobs::Jobs::new(
            Default::default(),
            None,
            crate::jobs::system_clock(),
            std::sync::Arc::new(|| {}),
        )
        .unwrap();
        let (old, new) = (jobs.read_index(), jobs.read_index());
        let mut sidebar = Sidebar::default();
        sidebar.loading(old);
        sidebar.loading(new);
        sidebar.index_read(old, Ok(index(&["stale"])));
        assert!(sidebar.profiles().is_empty(), "a stale answer is dropped");
        sidebar.index_read(new, Ok(index(&["fresh"])));
        assert_eq!(sidebar.profiles()[0].name, "fresh");
        // A failure is shown, not swallowed.
        let again = jobs.read_index();
        sidebar.loading(again);
        let locked = crate::jobs::JobError::Task("locked".into());
        sidebar.index_read(again, Err(locked.into()));
        assert!(
            matches!(sidebar.profiles, Profiles::Failed(ref e) if e.words().contains("locked"))
        );
    }
}

//! Profiles and resource passwords against the real Secret Service
//! (gnome-keyring in its own D-Bus session, started by `scripts/with-keyring`,
//! which `scripts/test` uses). Each test has its own config and data folders
//! and its own profile names, so they can share the one keyring.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{Home, err, out, run_with_stdin};
use keyturn::vault::{Pending, ResourceKey, Slot, Slots, Vault};
use secrecy::{ExposeSecret, SecretString};

/// A throwaway home; every test here uses the Secret Service.
fn keyring_home(name: &str) -> Home {
    common::require_keyring();
    Home::new(&format!("keyring-{name}"))
}

/// What `secret-tool` (the system's own tool) finds for an entry.
fn secret_tool_lookup(user: &str) -> Option<String> {
    let o = Command::new("secret-tool")
        .args(["lookup", "service", "keyturn", "username", user])
        .output()
        .expect("secret-tool (libsecret-tools) is installed by scripts/test");
    o.status
        .success()
        .then(|| String::from_utf8_lossy(&o.stdout).into_owned())
}

fn secret_tool_clear(user: &str) {
    let ok = Command::new("secret-tool")
        .args(["clear", "service", "keyturn", "username", user])
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

/// Every file under `dir`, read whole.
fn all_bytes_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            found.extend(all_bytes_under(&p));
        } else {
            found.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    found
}

#[test]
fn profile_add_list_show_edit_reveal_remove() {
    let home = keyring_home("lifecycle");
    let name = format!("life-{}", std::process::id());
    let o = home.run(
        &[
            "profile",
            "add",
            &name,
            "--provider",
            "huawei",
            "--key-id",
            "FAKEAKLIFE",
            "--region",
            "cn-north-4",
            "--project-id",
            "proj-1",
        ],
        "fake-secret-life-1\n",
    );
    assert!(o.status.success(), "{}", err(&o));
    // In the real keyring, under a readable label.
    assert_eq!(
        secret_tool_lookup(&format!("profile:{name}")).as_deref(),
        Some("fake-secret-life-1")
    );

    let o = home.run(&["profile", "list", "--json"], "");
    let list: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(list[0]["name"], name.as_str());
    assert_eq!(list[0]["provider"], "huawei");
    assert_eq!(list[0]["project_ids"]["cn-north-4"], "proj-1");

    let o = home.run(&["profile", "show", &name], "");
    assert!(out(&o).contains("access key id: FAKEAKLIFE"));
    assert!(!out(&o).contains("fake-secret-life-1"));

    let o = home.run(
        &[
            "profile",
            "add",
            &name,
            "--provider",
            "huawei",
            "--key-id",
            "X",
        ],
        "s\n",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("already exists"));

    let o = home.run(
        &[
            "profile",
            "edit",
            &name,
            "--region",
            "cn-east-3",
            "--notes",
            "ops team",
            "--secret",
        ],
        "fake-secret-life-2\n",
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = home.run(&["profile", "reveal", &name], "");
    assert_eq!(out(&o).trim_end(), "fake-secret-life-2");
    let o = home.run(&["profile", "show", &name, "--json"], "");
    let shown: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(shown["region"], "cn-east-3");
    assert_eq!(shown["notes"], "ops team");

    let o = home.run(&["profile", "remove", &name], "");
    assert!(
        out(&o).contains("and its access key secret from the keyring"),
        "{}",
        out(&o)
    );
    assert_eq!(secret_tool_lookup(&format!("profile:{name}")), None);
    let o = home.run(&["profile", "reveal", &name], "");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn resource_password_slots() {
    let home = keyring_home("slots");
    let vault = Vault::new(home.paths());
    let key = ResourceKey::parse(&format!(
        "huaweicloud.dcs.update-password/cn-north-4/inst-{}",
        std::process::id()
    ))
    .unwrap();
    let now = time::OffsetDateTime::now_utc();
    let slots = Slots {
        current: Some(SecretString::from("Fake-Current-1".to_owned())),
        previous: None,
        pending: Some(Pending::Password(SecretString::from(
            "Fake-Pending-2".to_owned(),
        ))),
        ..Slots::default()
    };
    vault
        .write_slots(
            &key,
            &slots,
            &[Slot::Current, Slot::Pending],
            Some("ops"),
            now,
            false,
        )
        .unwrap();
    assert_eq!(
        vault.password(&key, Slot::Pending).unwrap().expose_secret(),
        "Fake-Pending-2"
    );
    // All of a resource's slots are one keyring item.
    let stored = secret_tool_lookup(&format!("resource:{key}")).expect("one item per resource");
    assert!(stored.contains("Fake-Current-1") && stored.contains("Fake-Pending-2"));
    assert_eq!(secret_tool_lookup(&format!("password:{key}:current")), None);

    let o = home.run(&["password", "list"], "");
    assert!(out(&o).contains(&key.to_string()));
    assert!(out(&o).contains("current (set") && out(&o).contains("pending (set"));
    let o = home.run(
        &["password", "show", &key.to_string(), "--slot", "pending"],
        "",
    );
    assert_eq!(out(&o).trim_end(), "Fake-Pending-2");
    let o = home.run(
        &["password", "show", &key.to_string(), "--slot", "previous"],
        "",
    );
    assert_eq!(o.status.code(), Some(2));

    vault
        .write_slots(&key, &slots.without_pending(), &[], None, now, false)
        .unwrap();
    assert!(vault.password(&key, Slot::Pending).is_err());
    assert!(vault.pending_recorded(&key).is_ok_and(|p| !p));
    vault
        .write_slots(&key, &Slots::default(), &[], None, now, false)
        .unwrap();
    assert!(vault.index().unwrap().resources.is_empty());
    assert_eq!(secret_tool_lookup(&format!("resource:{key}")), None);
}

/// An index of format 1 kept one keyring entry per slot, named by the
/// unescaped resource text: the first use moves them into one item, under
/// the escaped name, and deletes the old entries.
#[test]
fn old_per_slot_entries_are_migrated_into_one_item() {
    let home = keyring_home("migrate");
    let pid = std::process::id();
    // A '%' in an id is escaped in the new text form, so the item's name
    // differs from the old entries' names.
    let key = ResourceKey {
        operation: "aliyun.dts.modify-consumer-group-password".into(),
        region: "cn-hangzhou".into(),
        ids: vec![format!("sub%x-{pid}"), "grp".into()],
        user: None,
    };
    let legacy = key.legacy_text();
    assert_ne!(legacy, key.to_string());
    for (slot, pw) in [
        ("current", "Fake-Old-Current"),
        ("previous", "Fake-Old-Previous"),
    ] {
        let mut c = Command::new("secret-tool");
        c.args([
            "store",
            "--label",
            "old entry",
            "service",
            "keyturn",
            "username",
            &format!("password:{legacy}:{slot}"),
        ]);
        assert!(run_with_stdin(c, pw).status.success());
    }
    std::fs::create_dir_all(&home.paths().config_dir).unwrap();
    let index = serde_json::json!({
        "version": 1,
        "profiles": [],
        "resources": [{
            "key": legacy,
            "operation": key.operation,
            "slots": {
                "current": {"set_at": "2026-01-01T00:00:00Z"},
                "previous": {"set_at": "2026-01-01T00:00:00Z"}
            }
        }]
    });
    std::fs::write(home.paths().index_file(), index.to_string()).unwrap();

    let vault = Vault::new(home.paths());
    assert_eq!(
        vault.password(&key, Slot::Current).unwrap().expose_secret(),
        "Fake-Old-Current"
    );
    assert_eq!(
        vault
            .password(&key, Slot::Previous)
            .unwrap()
            .expose_secret(),
        "Fake-Old-Previous"
    );
    let index = vault.index().unwrap();
    assert_eq!(index.version, 2);
    assert_eq!(index.resources[0].key, key.to_string());
    assert!(secret_tool_lookup(&format!("resource:{key}")).is_some());
    for slot in ["current", "previous", "pending"] {
        assert_eq!(
            secret_tool_lookup(&format!("password:{legacy}:{slot}")),
            None
        );
    }
    vault
        .write_slots(
            &key,
            &Slots::default(),
            &[],
            None,
            time::OffsetDateTime::now_utc(),
            false,
        )
        .unwrap();
}

#[test]
fn a_secret_deleted_behind_our_back_is_named_and_nothing_else_is_lost() {
    let home = keyring_home("deleted");
    let name = format!("gone-{}", std::process::id());
    assert!(
        home.run(
            &[
                "profile",
                "add",
                &name,
                "--provider",
                "tencent",
                "--key-id",
                "AKIDFAKEGONE"
            ],
            "fake-gone\n"
        )
        .status
        .success()
    );
    secret_tool_clear(&format!("profile:{name}"));
    let o = home.run(&["profile", "reveal", &name], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("the keyring has no secret for profile"),
        "{}",
        err(&o)
    );
    // The profile is still listed, so the user can re-store or remove it.
    assert!(out(&home.run(&["profile", "list"], "")).contains(&name));
    let o = home.run(&["profile", "edit", &name, "--secret"], "fake-back\n");
    assert!(o.status.success(), "{}", err(&o));
    assert_eq!(
        out(&home.run(&["profile", "reveal", &name], "")).trim_end(),
        "fake-back"
    );
    let o = home.run(&["profile", "remove", &name], "");
    assert!(o.status.success());
}

#[test]
fn a_corrupt_or_newer_index_is_never_overwritten() {
    let home = keyring_home("corrupt");
    let index = home.dir.join("config/index.json");
    std::fs::create_dir_all(index.parent().unwrap()).unwrap();
    std::fs::write(&index, "{ this is not json").unwrap();
    let o = home.run(
        &[
            "profile",
            "add",
            "x",
            "--provider",
            "ucloud",
            "--key-id",
            "K",
        ],
        "fake\n",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("cannot be read") && err(&o).contains("left untouched"),
        "{}",
        err(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&index).unwrap(),
        "{ this is not json"
    );
    assert_eq!(secret_tool_lookup("profile:x"), None, "nothing stored");

    std::fs::write(&index, r#"{"version": 9, "profiles": [], "future": true}"#).unwrap();
    let o = home.run(&["profile", "list"], "");
    assert!(
        err(&o).contains("written by a newer Keyturn (format 9"),
        "{}",
        err(&o)
    );
}

#[test]
fn no_secret_service_says_what_to_start_and_stores_nothing() {
    let home = keyring_home("noservice");
    let mut c = home.keyturn(&[
        "profile",
        "add",
        "nos",
        "--provider",
        "alibaba",
        "--key-id",
        "LTAIFAKE",
    ]);
    c.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    let o = run_with_stdin(c, "fake-nos\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).contains("no Secret Service is running"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("gnome-keyring-daemon"));
    assert!(err(&o).contains("never falls back"));
    assert!(
        !home.dir.join("config/index.json").exists()
            || !std::fs::read_to_string(home.dir.join("config/index.json"))
                .unwrap()
                .contains("nos")
    );
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    let home = keyring_home("concurrent");
    let names: Vec<String> = (0..8)
        .map(|i| format!("conc-{}-{i}", std::process::id()))
        .collect();
    let children: Vec<_> = names
        .iter()
        .map(|n| {
            let mut c = home.keyturn(&[
                "profile",
                "add",
                n,
                "--provider",
                "ucloud",
                "--key-id",
                "FAKEPUB",
            ]);
            c.stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped());
            let mut child = c.spawn().unwrap();
            child
                .stdin
                .take()
                .unwrap()
                .write_all(format!("fake-{n}\n").as_bytes())
                .unwrap();
            child
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", err(&o));
    }
    let index = Vault::new(home.paths()).index().unwrap();
    for n in &names {
        assert!(index.profile(n).is_some(), "{n} lost");
        assert_eq!(
            secret_tool_lookup(&format!("profile:{n}")),
            Some(format!("fake-{n}"))
        );
        assert!(home.run(&["profile", "remove", n], "").status.success());
    }
}

#[test]
fn no_secret_byte_reaches_files_logs_or_errors() {
    let home = keyring_home("nosecrets");
    let secret = format!("fake-key-secret-{}", std::process::id());
    let name = format!("leak-{}", std::process::id());
    let mut logs = String::new();
    let mut add = home.keyturn(&[
        "profile",
        "add",
        &name,
        "--provider",
        "alibaba",
        "--key-id",
        "LTAIFAKELEAK",
        "--region",
        "cn-hangzhou",
    ]);
    add.env("RUST_LOG", "trace");
    let o = run_with_stdin(add, format!("{secret}\n"));
    assert!(o.status.success());
    logs += &(out(&o) + &err(&o));
    for args in [
        vec!["profile", "list"],
        vec!["profile", "show", name.as_str()],
        vec!["profile", "list", "--json"],
        vec![
            "profile",
            "add",
            name.as_str(),
            "--provider",
            "alibaba",
            "--key-id",
            "X",
        ],
        vec![
            "profile",
            "edit",
            name.as_str(),
            "--endpoint",
            "http://example.com",
        ],
        vec!["password", "list"],
    ] {
        let mut c = home.keyturn(&args);
        c.env("RUST_LOG", "trace");
        let o = run_with_stdin(c, format!("{secret}\n"));
        logs += &(out(&o) + &err(&o));
    }
    let vault = Vault::new(home.paths());
    let key = ResourceKey::parse("ucloud.uredis.modify-group-password/cn-bj2/uredis-leak").unwrap();
    let pw = format!("Fake-Resource-Pw-{}", std::process::id());
    let slots = Slots {
        current: Some(SecretString::from(pw.clone())),
        ..Slots::default()
    };
    vault
        .write_slots(
            &key,
            &slots,
            &[Slot::Current],
            None,
            time::OffsetDateTime::now_utc(),
            false,
        )
        .unwrap();
    logs += &format!("{:?}", vault.index().unwrap());

    for needle in [&secret, &pw] {
        assert!(
            !logs.contains(needle.as_str()),
            "a secret reached the output or logs"
        );
        for (path, bytes) in all_bytes_under(&home.dir) {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "a secret reached {}",
                path.display()
            );
        }
    }
    vault
        .write_slots(
            &key,
            &Slots::default(),
            &[],
            None,
            time::OffsetDateTime::now_utc(),
            false,
        )
        .unwrap();
    assert!(home.run(&["profile", "remove", &name], "").status.success());
}

#[test]
fn import_each_console_file_and_refuse_bad_ones() {
    let home = keyring_home("import");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let pid = std::process::id();
    for (file, provider, key_id) in [
        ("alibaba-console.csv", "alibaba", "LTAI5tFAKEFAKEFAKE000000"),
        ("huawei-console.csv", "huawei", "FAKEAKFAKEAKFAKEAK00"),
        (
            "tencent-console.csv",
            "tencent",
            "AKIDFAKEFAKEFAKEFAKEFAKEFAKEFAKE0000",
        ),
        (
            "ucloud-by-hand.csv",
            "ucloud",
            "FAKEucloudPublicKey0000000000000000",
        ),
    ] {
        let name = format!("imp-{provider}-{pid}");
        let path = fixtures.join(file);
        let o = home.run(&["import", path.to_str().unwrap(), "--name", &name], "");
        assert!(o.status.success(), "{file}: {}", err(&o));
        assert!(out(&o).contains("delete it"), "suggests deleting the file");
        let shown: serde_json::Value =
            serde_json::from_slice(&home.run(&["profile", "show", &name, "--json"], "").stdout)
                .unwrap();
        assert_eq!(shown["provider"], provider);
        assert_eq!(shown["key_id"], key_id);
        assert!(
            secret_tool_lookup(&format!("profile:{name}")).is_some_and(|s| s.starts_with("Fake"))
        );
        assert!(home.run(&["profile", "remove", &name], "").status.success());
    }
    for file in [
        "bad-unknown-columns.csv",
        "bad-two-keys.csv",
        "bad-empty-secret.csv",
        "bad-header-only.csv",
        "bad-not-text.csv",
    ] {
        let o = home.run(&["import", fixtures.join(file).to_str().unwrap()], "");
        assert_eq!(o.status.code(), Some(2), "{file}");
        assert!(
            err(&o).contains("nothing was stored"),
            "{file}: {}",
            err(&o)
        );
    }
    assert!(
        Vault::new(home.paths())
            .index()
            .unwrap()
            .profiles
            .is_empty()
    );
}

#[test]
fn a_locked_keyring_asks_to_be_unlocked() {
    let home = keyring_home("locked");
    // Its own session, so locking does not disturb the other tests.
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/with-keyring");
    let bin = env!("CARGO_BIN_EXE_keyturn");
    let steps = format!(
        "printf fake-locked | {bin} profile add lk --provider huawei --key-id FAKELK || exit 10
         dbus-send --session --dest=org.freedesktop.secrets --print-reply /org/freedesktop/secrets \
           org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null || exit 11
         {bin} profile reveal lk"
    );
    let mut c = Command::new(script);
    c.args(["sh", "-c", &steps])
        .env_remove("KEYTURN_IN_TEST_SESSION")
        .env("KEYTURN_CONFIG_DIR", home.dir.join("config"))
        .env("KEYTURN_DATA_DIR", home.dir.join("data"));
    let o = run_with_stdin(c, "");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("the keyring is locked"), "{}", err(&o));
    assert!(err(&o).contains("Unlock it"));
    assert!(!out(&o).contains("fake-locked"));
}

/// `profile verify` and `request --profile --send` against the emulator.
#[test]
fn verify_and_send_with_stored_profiles() {
    let home = keyring_home("verify");
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let emulator = runtime
        .block_on(keyturn::emulator::start(
            keyturn::emulator::EmulatorConfig::new(
                "FAKEVERIFYKEY",
                SecretString::from("fake-verify-secret".to_owned()),
            ),
            "127.0.0.1:0".parse().unwrap(),
        ))
        .unwrap();
    let url = emulator.url();
    let pid = std::process::id();
    for provider in ["alibaba", "huawei", "ucloud", "tencent"] {
        let name = format!("v-{provider}-{pid}");
        let o = home.run(
            &[
                "profile",
                "add",
                &name,
                "--provider",
                provider,
                "--key-id",
                "FAKEVERIFYKEY",
                "--region",
                "cn-north-4",
                "--endpoint",
                &url,
            ],
            "fake-verify-secret\n",
        );
        assert!(o.status.success(), "{}", err(&o));
        let o = home.run(&["profile", "verify", &name], "");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{provider}: {}{}",
            out(&o),
            err(&o)
        );
        assert!(out(&o).contains("the key works"), "{}", out(&o));
        let shown: serde_json::Value =
            serde_json::from_slice(&home.run(&["profile", "show", &name, "--json"], "").stdout)
                .unwrap();
        assert!(shown["last_verified_at"].is_string(), "{shown}");
        // The fact is recorded, not words.
        assert_eq!(shown["last_verify"]["found"], "works", "{shown}");
        assert!(shown.get("last_verify_result").is_none(), "{shown}");
        if provider == "huawei" {
            // IAM's project list fills in each region's project id.
            assert_eq!(
                shown["project_ids"]["cn-north-4"],
                "0504201b5a80d3a22f6ec01a1f4b5c9c"
            );
        }
    }

    // A wrong secret says so; an unreachable endpoint says so.
    let wrong = format!("v-wrong-{pid}");
    home.run(
        &[
            "profile",
            "add",
            &wrong,
            "--provider",
            "tencent",
            "--key-id",
            "FAKEVERIFYKEY",
            "--endpoint",
            &url,
        ],
        "not-the-secret\n",
    );
    let o = home.run(&["profile", "verify", &wrong], "");
    assert_eq!(o.status.code(), Some(3));
    assert!(out(&o).contains("wrong secret"), "{}", out(&o));
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let o = home.run(
        &[
            "profile",
            "verify",
            &wrong,
            "--endpoint",
            &format!("http://127.0.0.1:{port}"),
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).contains("no network"), "{}", out(&o));

    // A change with the stored key: region, endpoint and project id come from the profile.
    let huawei = format!("v-huawei-{pid}");
    let mut c = home.keyturn(&[
        "request",
        "huaweicloud.dcs.update-password",
        "--profile",
        &huawei,
        "--param",
        "instance_id=inst-profile",
        "--param",
        "old_password=env:OLD_PW",
        "--param",
        "new_password=env:NEW_PW",
        "--send",
        "--json",
    ]);
    c.env("OLD_PW", "Old-Fake-Pass-1")
        .env("NEW_PW", "New-Fake-Pass-2");
    let o = run_with_stdin(c, "");
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], "succeeded");
    let current = emulator
        .current_password(
            keyturn::catalog::find("huaweicloud.dcs.update-password").unwrap(),
            &["0504201b5a80d3a22f6ec01a1f4b5c9c", "inst-profile"],
        )
        .map(|p| p.to_string());
    assert_eq!(current.as_deref(), Some("New-Fake-Pass-2"));
    // A profile of another cloud is refused before anything happens.
    let o = home.run(
        &[
            "request",
            "huaweicloud.dcs.update-password",
            "--profile",
            &format!("v-ucloud-{pid}"),
            "--send",
        ],
        "",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("holds a UCloud key"), "{}", err(&o));
}

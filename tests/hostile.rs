//! The `keyturn` binary against a careless or hostile user and hostile
//! surroundings: empty and endless input, FIFOs, devices, symbolic links,
//! escape sequences, closed and full output, ids that climb out of a URL
//! path. Tests that store a key need a Secret Service (`scripts/with-keyring`).

#![cfg(target_os = "linux")]

mod common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::{DCS, Home, err, finish, out, require_keyring};

/// A throwaway home with its config and data folders made, so that tests
/// can put files (FIFOs, links, huge files) where Keyturn's go.
fn home_with_folders(name: &str) -> Home {
    let home = Home::new(&format!("hostile-{name}"));
    std::fs::create_dir_all(home.dir.join("config")).unwrap();
    std::fs::create_dir_all(home.dir.join("data")).unwrap();
    home
}

/// `keyturn profile add NAME` of a Huawei key `key_id`, its secret to be
/// read from standard input.
fn profile_add(home: &Home, name: &str, key_id: &str) -> Command {
    home.keyturn(&[
        "profile",
        "add",
        name,
        "--provider",
        "huawei",
        "--key-id",
        key_id,
    ])
}

/// Adds profile `name` (a Huawei key) with `secret`.
fn add_profile(home: &Home, name: &str, secret: &str) {
    let o = common::run_with_stdin(profile_add(home, name, "FAKEAK0001"), format!("{secret}\n"));
    assert!(o.status.success(), "{}", err(&o));
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo");
}

/// Runs `args` with standard input fed `line` again and again and never
/// closed, as `yes LINE | keyturn …` does.
fn run_with_endless_stdin(home: &Home, args: &[&str], line: &'static [u8]) -> Option<Output> {
    let mut c = home.keyturn(args);
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    std::thread::spawn(move || while input.write_all(line).is_ok() {});
    finish(child, Duration::from_secs(10))
}

// 1. An empty secret never replaces a stored access key.

#[test]
fn an_empty_secret_never_replaces_a_stored_key() {
    require_keyring();
    let home = home_with_folders("empty-secret");
    let name = format!("empty-secret-{}", std::process::id());
    add_profile(&home, &name, "Fake-Stored-Secret-1");
    for stdin in [&b""[..], b"\n", b"   \r\n"] {
        let o = home.run(&["profile", "edit", &name, "--secret"], stdin);
        assert_eq!(o.status.code(), Some(2), "{stdin:?}: {}", err(&o));
        assert!(err(&o).contains("empty"), "{}", err(&o));
    }
    let o = home.run(&["profile", "reveal", &name], b"");
    assert_eq!(out(&o).trim_end(), "Fake-Stored-Secret-1");
    assert!(
        home.run(&["profile", "remove", &name], b"")
            .status
            .success()
    );
}

// 2. No error quotes a cell that could be a secret.

#[test]
fn import_errors_name_rows_and_columns_never_cells() {
    let home = home_with_folders("import-quote");
    let headerless = home.dir.join("headerless.csv");
    std::fs::write(&headerless, "FAKEID0001,Fake-Secret-Never-Shown\n").unwrap();
    let o = home.run(&["import", headerless.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(!err(&o).contains("Fake-Secret-Never-Shown"), "{}", err(&o));
    assert!(!err(&o).contains("FAKEID0001"), "{}", err(&o));
    assert!(err(&o).contains("row 1"), "{}", err(&o));

    // A link to a system file: not one of its lines is shown.
    let system = home.dir.join("passwd");
    std::fs::write(
        &system,
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/sbin/nologin\n",
    )
    .unwrap();
    let link = home.dir.join("credentials.csv");
    std::os::unix::fs::symlink(&system, &link).unwrap();
    let o = home.run(&["import", link.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(!err(&o).contains("root:x"), "{}", err(&o));
    assert!(!err(&o).contains("nologin"), "{}", err(&o));
}

// 3. Bounded reads.

#[test]
fn check_reads_one_line_from_an_endless_stream() {
    let home = home_with_folders("endless-check");
    let o = run_with_endless_stdin(&home, &["check", DCS], b"Fake-Pass-w0rd\n")
        .expect("`yes PW | keyturn check` finishes");
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("strength"));
}

#[test]
fn profile_add_reads_one_line_from_an_endless_stream() {
    require_keyring();
    let home = home_with_folders("endless-add");
    let name = format!("endless-{}", std::process::id());
    let o = run_with_endless_stdin(
        &home,
        &[
            "profile",
            "add",
            &name,
            "--provider",
            "huawei",
            "--key-id",
            "FAKEAK0002",
        ],
        b"Fake-Endless-Secret\n",
    )
    .expect("`yes SECRET | keyturn profile add` finishes");
    assert!(o.status.success(), "{}", err(&o));
    let o = home.run(&["profile", "reveal", &name], b"");
    assert_eq!(out(&o).trim_end(), "Fake-Endless-Secret");
    assert!(
        home.run(&["profile", "remove", &name], b"")
            .status
            .success()
    );
}

#[test]
fn a_line_past_the_cap_is_refused() {
    let home = home_with_folders("long-line");
    let long = vec![b'a'; 2 * 1024 * 1024];
    let o = home.run(&["check", DCS], &long);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("too long"), "{}", err(&o));
}

#[test]
fn import_refuses_fifos_devices_and_huge_files() {
    let home = home_with_folders("import-special");
    let fifo = home.dir.join("key.csv");
    mkfifo(&fifo);
    let mut c = home.keyturn(&["import", fifo.to_str().unwrap()]);
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let o = finish(c.spawn().unwrap(), Duration::from_secs(10)).expect("a FIFO is not waited on");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));

    let o = home.run(&["import", "/dev/zero"], b"");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));

    let huge = home.dir.join("huge.csv");
    let mut f = std::fs::File::create(&huge).unwrap();
    f.write_all(b"AccessKeyId,AccessKeySecret\n").unwrap();
    f.set_len(8 * 1024 * 1024).unwrap();
    let o = home.run(&["import", huge.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("too large"), "{}", err(&o));
}

#[test]
fn the_index_and_journal_must_be_regular_files_of_a_sensible_size() {
    let home = home_with_folders("index-special");
    let index = home.dir.join("config/index.json");
    mkfifo(&index);
    let mut c = home.keyturn(&["profile", "list"]);
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let o = finish(c.spawn().unwrap(), Duration::from_secs(10)).expect("a FIFO index is refused");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));
    std::fs::remove_file(&index).unwrap();

    let f = std::fs::File::create(&index).unwrap();
    f.set_len(64 * 1024 * 1024).unwrap();
    let o = home.run(&["profile", "list"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("too large"), "{}", err(&o));
    std::fs::remove_file(&index).unwrap();

    let journal = home.dir.join("data/journal.jsonl");
    mkfifo(&journal);
    let mut c = home.keyturn(&["recover"]);
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let o = finish(c.spawn().unwrap(), Duration::from_secs(10)).expect("a FIFO journal is refused");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("not a regular file"), "{}", err(&o));
}

// 4. Control characters from outside reach the terminal escaped.

#[test]
fn a_console_user_name_cannot_forge_a_line_or_drive_the_terminal() {
    require_keyring();
    let home = home_with_folders("inject");
    let name = format!("inject-{}", std::process::id());
    let csv = home.dir.join("credentials.csv");
    std::fs::write(
        &csv,
        "User Name,Access Key Id,Secret Access Key\n\
         \"ops\u{1b}]0;pwned\u{7}\u{1b}[2J\nPassword changed\",FAKEAK0003,Fake-Inject-Secret\n",
    )
    .unwrap();
    let o = home.run(&["import", csv.to_str().unwrap(), "--name", &name], b"");
    assert!(o.status.success(), "{}", err(&o));
    let o2 = home.run(&["profile", "show", &name], b"");
    let o3 = home.run(&["profile", "list"], b"");
    for o in [&o, &o2, &o3] {
        let text = out(o);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(
            !text.lines().any(|l| l.trim() == "Password changed"),
            "{text:?}"
        );
    }
    // JSON stays exact.
    let o = home.run(&["profile", "show", &name, "--json"], b"");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(json["notes"].as_str().unwrap().contains("\u{1b}]0;pwned"));
    assert!(
        home.run(&["profile", "remove", &name], b"")
            .status
            .success()
    );
}

// 5. Closed or full standard output.

#[test]
fn a_closed_standard_output_is_not_a_panic() {
    let home = home_with_folders("closed-stdout");
    for args in [
        &["ops"][..],
        &["ops", DCS],
        &["generate", DCS],
        &["completions", "bash"],
        &["profile", "list"],
        &["recover"],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut c = home.keyturn(args);
        c.stdin(Stdio::null()).stdout(writer).stderr(Stdio::piped());
        let o = finish(c.spawn().unwrap(), Duration::from_secs(30)).unwrap();
        assert!(!err(&o).contains("panicked"), "{args:?}: {}", err(&o));
        assert_ne!(o.status.code(), Some(101), "{args:?}");
        assert_eq!(err(&o), "", "{args:?}: a closed pipe is quiet");
    }
}

#[test]
fn a_full_disk_is_reported_with_a_failure_exit_code() {
    let home = home_with_folders("full-stdout");
    for args in [&["ops"][..], &["generate", DCS], &["completions", "zsh"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut c = home.keyturn(args);
        c.stdin(Stdio::null()).stdout(full).stderr(Stdio::piped());
        let o = finish(c.spawn().unwrap(), Duration::from_secs(30)).unwrap();
        assert!(!err(&o).contains("panicked"), "{args:?}: {}", err(&o));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("standard output"), "{args:?}: {}", err(&o));
    }
}

#[test]
fn work_done_before_the_output_failed_is_kept() {
    require_keyring();
    let home = home_with_folders("closed-after-work");
    let name = format!("closed-{}", std::process::id());
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut c = profile_add(&home, &name, "FAKEAK0004");
    c.stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Fake-Closed-Secret\n")
        .unwrap();
    let o = finish(child, Duration::from_secs(30)).unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let o = home.run(&["profile", "reveal", &name], b"");
    assert_eq!(out(&o).trim_end(), "Fake-Closed-Secret");
    assert!(
        home.run(&["profile", "remove", &name], b"")
            .status
            .success()
    );
}

/// Keyturn's own folders and files hold no secret, but which resources and
/// access keys it knows: they are for its user alone, where the usual umask
/// (022) would let every user of the computer read them.
#[test]
fn keyturns_own_folders_and_files_are_its_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    require_keyring();
    let home = Home::new("hostile-private");
    let name = format!("private-{}", std::process::id());
    let mut c = profile_add(&home, &name, "FAKEAK0009");
    // SAFETY: umask is async-signal-safe and changes the child alone.
    unsafe {
        c.pre_exec(|| {
            libc::umask(0o022);
            Ok(())
        });
    }
    let o = common::run_with_stdin(c, b"Fake-Private-Secret\n");
    assert!(o.status.success(), "{}", err(&o));

    let mut seen = Vec::new();
    let mut folders = vec![home.dir.join("config")];
    while let Some(folder) = folders.pop() {
        let mode = std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", folder.display());
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{}", path.display());
                seen.push(path);
            }
        }
    }
    assert!(
        seen.iter().any(|p| p.ends_with("index.json")),
        "the index was written: {seen:?}"
    );
    assert!(
        home.run(&["profile", "remove", &name], b"")
            .status
            .success()
    );
}

// 6. No core dumps.

#[test]
fn the_process_dumps_no_core() {
    let home = home_with_folders("core");
    let mut c = home.keyturn(&["emulate", "--port", "0"]);
    c.env("KEYTURN_KEY_SECRET", "Fake-Emulator-Secret")
        .args(["--key-id", "FAKEAK0005"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    // Once it prints, start-up is over.
    let mut first = [0u8; 1];
    let _ = child.stdout.as_mut().unwrap().read(&mut first);
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", child.id())).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .unwrap();
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], &["0", "0"], "{core}");
}

// 7. Ids that climb out of a path; links in place of Keyturn's files.

#[test]
fn path_ids_that_are_not_ids_are_refused() {
    let home = home_with_folders("path-ids");
    for (field, bad) in [
        ("instance_id", ".."),
        ("instance_id", "."),
        ("project_id", ".."),
        ("instance_id", "a/b"),
        ("project_id", "x\u{1b}[2J"),
    ] {
        let mut params = vec![
            "project_id=0504201b5a80d3a22f6ec01a1f4b5c9c".to_owned(),
            "instance_id=5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b".to_owned(),
            "old_password=env:OLD_PW".to_owned(),
            "new_password=env:NEW_PW".to_owned(),
        ];
        params.retain(|p| !p.starts_with(field));
        params.push(format!("{field}={bad}"));
        let mut args = vec![
            "request",
            DCS,
            "--key-id",
            "FAKEAK",
            "--region",
            "cn-north-4",
        ];
        for p in &params {
            args.extend(["--param", p]);
        }
        let mut c = home.keyturn(&args);
        c.env("KEYTURN_KEY_SECRET", "Fake-Key-Secret")
            .env("OLD_PW", "Fake-Old-Pass-41")
            .env("NEW_PW", "Fake-New-Pass-42");
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{field}={bad:?}: {}", out(&o));
        assert!(err(&o).contains(field), "{}", err(&o));
        assert!(!err(&o).contains('\u{1b}'), "{}", err(&o));
    }
}

#[test]
fn a_linked_index_or_journal_is_refused_and_left_alone() {
    let home = home_with_folders("links");
    let elsewhere = home.dir.join("my-index.json");
    let original = "{\"version\": 2, \"profiles\": [], \"resources\": []}\n";
    std::fs::write(&elsewhere, original).unwrap();
    std::os::unix::fs::symlink(&elsewhere, home.dir.join("config/index.json")).unwrap();
    let o = home.run(&["profile", "list"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(err(&o).contains("symbolic link"), "{}", err(&o));
    let o = common::run_with_stdin(
        profile_add(&home, "linked", "FAKEAK0006"),
        b"Fake-Linked-Secret\n",
    );
    assert_ne!(o.status.code(), Some(0));
    assert!(err(&o).contains("symbolic link"), "{}", err(&o));
    assert!(
        std::fs::symlink_metadata(home.dir.join("config/index.json"))
            .unwrap()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), original);

    let mine = home.dir.join("my-journal.jsonl");
    std::fs::write(&mine, "").unwrap();
    std::os::unix::fs::symlink(&mine, home.dir.join("data/journal.jsonl")).unwrap();
    let o = home.run(&["recover"], b"");
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    assert!(err(&o).contains("symbolic link"), "{}", err(&o));
}

// 8. Smaller things.

#[test]
fn non_utf8_standard_input_is_bad_input() {
    let home = home_with_folders("non-utf8");
    let o = home.run(&["check", DCS], b"\xff\xfeFake\n");
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("UTF-8"), "{}", err(&o));
}

#[test]
fn an_empty_candidate_has_a_finite_estimate() {
    let home = home_with_folders("empty-candidate");
    let o = home.run(&["check", DCS], b"\n");
    assert!(!out(&o).contains("inf"), "{}", out(&o));
    assert!(!out(&o).contains("NaN"), "{}", out(&o));
}

#[test]
fn profile_names_that_differ_only_in_case_are_refused() {
    require_keyring();
    let home = home_with_folders("case");
    let pid = std::process::id();
    let upper = format!("Prod-{pid}");
    let lower = format!("prod-{pid}");
    add_profile(&home, &upper, "Fake-Case-Secret-1");
    let o = common::run_with_stdin(
        profile_add(&home, &lower, "FAKEAK0007"),
        b"Fake-Case-Secret-2\n",
    );
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    assert!(err(&o).contains("case"), "{}", err(&o));
    let o = home.run(&["profile", "reveal", &upper], b"");
    assert_eq!(out(&o).trim_end(), "Fake-Case-Secret-1");
    assert!(
        home.run(&["profile", "remove", &upper], b"")
            .status
            .success()
    );
}

#[test]
fn a_duplicate_keyring_item_is_named_in_a_sentence_and_removable() {
    require_keyring();
    let home = home_with_folders("duplicate");
    let name = format!("dup-{}", std::process::id());
    add_profile(&home, &name, "Fake-Dup-Secret-1");
    // A second item with the same service and user name, as another tool
    // (or an old bug) could leave.
    let mut store = Command::new("secret-tool")
        .args([
            "store", "--label", "stray", "service", "keyturn", "username",
        ])
        .arg(format!("profile:{name}"))
        .args(["origin", "elsewhere"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    store
        .stdin
        .take()
        .unwrap()
        .write_all(b"Fake-Dup-Secret-2")
        .unwrap();
    assert!(store.wait().unwrap().success());
    let o = home.run(&["profile", "reveal", &name], b"");
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert!(err(&o).contains("2 entries"), "{}", err(&o));
    assert!(!err(&o).contains("Entry {"), "{}", err(&o));
    assert!(!err(&o).contains("Fake-Dup-Secret"), "{}", err(&o));
    let o = home.run(&["profile", "remove", &name], b"");
    assert!(o.status.success(), "{}", err(&o));
    let left = Command::new("secret-tool")
        .args(["search", "--all", "service", "keyturn", "username"])
        .arg(format!("profile:{name}"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&left.stdout).trim().is_empty());
}

//! Proving stored passwords against real services (`keyturn password
//! test`, `request --send --test`, `recover ID --test`): Redis, MariaDB
//! and PostgreSQL started by `scripts/login-servers` on loopback ports,
//! the emulator applying each accepted change to them, and the real
//! Secret Service (run with `scripts/with-keyring`).
//!
//! Each test rotates its own account (the Redis default user, or an ACL
//! user rot1…rot4; a database's dtsuser), so they can run at once.

mod common;

use std::net::TcpListener;
use std::process::Output;
use std::time::Duration;

use common::login::{Servers, emulator_backed, servers};
use common::{DCS, DTS_JOB, Home, err, out, require_keyring, run, run_with_stdin};
use keyturn::vault::{Database, ResourceKey, Slot};
use secrecy::ExposeSecret;

const KEY_ID: &str = "KTPROVE";
const SECRET: &str = "prove-test-secret";

/// The servers, or `None` (the test then passes, having said it skipped).
fn setup() -> Option<&'static Servers> {
    require_keyring();
    servers()
}

/// `keyturn ARGS` in `home` with the test key and the change's passwords.
fn keyturn(home: &Home, args: &[&str], old: &str, new: &str, stdin: &str) -> Output {
    let mut cmd = common::keyturn(&home.dir, SECRET, args);
    cmd.env("KT_OLD", old).env("KT_NEW", new);
    run_with_stdin(cmd, stdin)
}

/// A DCS change of `instance` through the emulator at `url`.
fn dcs_change(
    home: &Home,
    url: &str,
    instance: &str,
    old: &str,
    new: &str,
    extra: &[&str],
) -> Output {
    let mut args =
        common::dcs_change_args(KEY_ID, url, "0504201b5a80d3a22f6ec01a1f4b5c9c", instance);
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    keyturn(home, &args, old, new, "")
}

/// Keeps where `key`'s Redis listens (`password connect`), with its ACL
/// user when one is given.
fn connect(home: &Home, key: &str, address: &str, user: Option<&str>) {
    let mut args = vec!["password", "connect", key, "--connect", address];
    if let Some(user) = user {
        args.extend(["--user", user]);
    }
    run(home.keyturn(&args));
}

fn dcs_key(instance: &str) -> String {
    format!("{DCS}/cn-north-4/{instance}")
}

fn slot(home: &Home, key: &str, slot: Slot) -> Option<String> {
    let key = ResourceKey::parse(key).unwrap();
    home.vault()
        .slots(&key)
        .unwrap()
        .get(slot)
        .map(|s| s.expose_secret().to_owned())
}

/// Every slot's password, to compare before and after.
fn slots(home: &Home, key: &str) -> Vec<Option<String>> {
    Slot::ALL.iter().map(|s| slot(home, key, *s)).collect()
}

fn test_json(home: &Home, args: &[&str]) -> (Output, serde_json::Value) {
    let mut all = vec!["password", "test"];
    all.extend_from_slice(args);
    all.push("--json");
    let o = run(home.keyturn(&all));
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|_| panic!("not JSON: {}\n{}", out(&o), err(&o)));
    (o, v)
}

#[test]
fn a_rotation_changes_the_real_redis_and_the_new_password_is_proven() {
    let Some(s) = setup() else { return };
    let home = Home::new("prove-rotate");
    let (_rt, emu) = emulator_backed(KEY_ID, SECRET, s, None, None);
    let key = dcs_key("prove-main");
    connect(&home, &key, &s.address("REDIS_PORT"), None);
    let new = "Prove-Passw0rd-77";
    let o = dcs_change(
        &home,
        &emu.url(),
        "prove-main",
        s.get("INITIAL"),
        new,
        &["--test"],
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("Password changed"), "{}", out(&o));
    assert!(
        out(&o).contains("the new password is proven"),
        "{}",
        out(&o)
    );
    // The index keeps when it was proven.
    let list = run(home.keyturn(&["password", "list", "--json"]));
    let listed: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let record = &listed[0];
    assert_eq!(record["proven"]["current"]["proof"]["found"], "opened");
    assert_eq!(record["connection"]["port"], s.port("REDIS_PORT"));
    let human = out(&run(home.keyturn(&["password", "list"])));
    assert!(human.contains("current: proven 20"), "{human}");
    // The old password no longer opens it, and the test changes no slot.
    let before = slots(&home, &key);
    let (o, v) = test_json(&home, &[&key, "--slot", "previous"]);
    assert_eq!(o.status.code(), Some(3));
    assert_eq!(v["result"]["found"], "wrong_password");
    assert_eq!(slots(&home, &key), before);
    assert_eq!(slot(&home, &key, Slot::Current).as_deref(), Some(new));
    // And in Chinese.
    let o = run(home.keyturn(&["--lang", "zh-CN", "password", "test", &key]));
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("密码可用"), "{}", out(&o));
}

#[test]
fn an_unknown_change_that_happened_is_kept_after_recover_test() {
    let Some(s) = setup() else { return };
    let home = Home::new("prove-happened");
    let (_rt, emu) = emulator_backed(KEY_ID, SECRET, s, Some("rot1"), None);
    let instance = "fault-reset-prove";
    let key = dcs_key(instance);
    let new = "Happened-Passw0rd-1";
    let o = dcs_change(&home, &emu.url(), instance, s.get("INITIAL"), new, &[]);
    assert_eq!(o.status.code(), Some(4), "{}{}", out(&o), err(&o));
    let listed: Vec<serde_json::Value> =
        serde_json::from_slice(&run(home.keyturn(&["recover", "--json"])).stdout).unwrap();
    let id = common::attempt_of(&listed, instance).expect("an open attempt");
    connect(&home, &key, &s.address("REDIS_PORT"), Some("rot1"));
    // Not confirmed: nothing changes.
    let o = run_with_stdin(home.keyturn(&["recover", &id, "--test"]), "no\n");
    assert_eq!(o.status.code(), Some(4), "{}{}", out(&o), err(&o));
    assert!(
        out(&o).contains("the pending password works"),
        "{}",
        out(&o)
    );
    assert_eq!(slot(&home, &key, Slot::Pending).as_deref(), Some(new));
    // Confirmed: kept as current.
    let o = run_with_stdin(home.keyturn(&["recover", &id, "--test"]), "yes\n");
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert_eq!(slot(&home, &key, Slot::Current).as_deref(), Some(new));
    assert_eq!(slot(&home, &key, Slot::Pending), None);
    let listed: Vec<serde_json::Value> =
        serde_json::from_slice(&run(home.keyturn(&["recover", "--json"])).stdout).unwrap();
    assert!(common::attempt_of(&listed, instance).is_none());
}

#[test]
fn an_unknown_change_that_did_not_happen_is_discarded_after_recover_test() {
    let Some(s) = setup() else { return };
    let home = Home::new("prove-not-happened");
    let (_rt, emu) = emulator_backed(KEY_ID, SECRET, s, Some("rot2"), None);
    let instance = "fault-5xx-prove";
    let key = dcs_key(instance);
    let o = dcs_change(
        &home,
        &emu.url(),
        instance,
        s.get("INITIAL"),
        "Never-Passw0rd-1",
        &[],
    );
    assert_eq!(o.status.code(), Some(4), "{}{}", out(&o), err(&o));
    let listed: Vec<serde_json::Value> =
        serde_json::from_slice(&run(home.keyturn(&["recover", "--json"])).stdout).unwrap();
    let id = common::attempt_of(&listed, instance).expect("an open attempt");
    let before = slots(&home, &key);
    // Nothing listening there: neither is proven, nothing changes.
    let closed = closed_port();
    connect(&home, &key, &format!("127.0.0.1:{closed}"), Some("rot2"));
    let o = run_with_stdin(home.keyturn(&["recover", &id, "--test"]), "yes\n");
    assert_eq!(o.status.code(), Some(4), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("neither"), "{}", out(&o));
    assert_eq!(slots(&home, &key), before);
    // The right address: pending refused, current opens: discard.
    connect(&home, &key, &s.address("REDIS_PORT"), Some("rot2"));
    let o = run_with_stdin(home.keyturn(&["recover", &id, "--test"]), "yes\n");
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("the change did not happen"), "{}", out(&o));
    assert_eq!(slot(&home, &key, Slot::Pending), None);
    assert_eq!(
        slot(&home, &key, Slot::Current).as_deref(),
        Some(s.get("INITIAL"))
    );
}

/// A port nothing listens on (bound, then closed).
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

#[test]
fn failures_are_clear_and_change_no_slot() {
    let Some(s) = setup() else { return };
    let home = Home::new("prove-failures");
    let (_rt, emu) = emulator_backed(KEY_ID, SECRET, s, Some("rot3"), None);
    let instance = "prove-failures";
    let key = dcs_key(instance);
    let new = "Failures-Passw0rd-3";
    let o = dcs_change(&home, &emu.url(), instance, s.get("INITIAL"), new, &[]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let before = slots(&home, &key);
    let redis = s.address("REDIS_PORT");
    let redis_tls = s.address("REDIS_TLS_PORT");
    // A TCP listener that accepts and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_addr = silent.local_addr().unwrap().to_string();
    let holder = std::thread::spawn(move || {
        let held: Vec<_> = silent.incoming().take(1).collect();
        std::thread::sleep(Duration::from_secs(5));
        drop(held);
    });
    let closed = format!("127.0.0.1:{}", closed_port());
    let ca = s.get("CA_CERT").to_owned();
    let cases: Vec<(Vec<&str>, i32, &str, &str)> = vec![
        // The right password, for contrast.
        (vec!["--connect", &redis, "--user", "rot3"], 0, "opened", ""),
        (
            vec!["--slot", "previous", "--connect", &redis, "--user", "rot3"],
            3,
            "wrong_password",
            "WRONGPASS",
        ),
        (
            vec!["--connect", &closed, "--user", "rot3"],
            1,
            "could_not_reach",
            "refused",
        ),
        (
            vec![
                "--connect",
                &silent_addr,
                "--user",
                "rot3",
                "--timeout",
                "2",
            ],
            1,
            "could_not_reach",
            "timed_out",
        ),
        // Plain to a TLS-only Redis: it hangs up on the first bytes.
        (
            vec!["--connect", &redis_tls, "--user", "rot3"],
            1,
            "could_not_reach",
            "closed",
        ),
        // TLS to a plain Redis: no handshake answer, never plain instead.
        (
            vec![
                "--connect",
                &redis,
                "--user",
                "rot3",
                "--tls",
                "--ca-cert",
                &ca,
                "--timeout",
                "2",
            ],
            1,
            "could_not_reach",
            "no_tls_answer",
        ),
        // The TLS Redis with its CA (where rot3 still has the first password).
        (
            vec![
                "--slot",
                "previous",
                "--connect",
                &redis_tls,
                "--user",
                "rot3",
                "--tls",
                "--ca-cert",
                &ca,
            ],
            0,
            "opened",
            "",
        ),
        // TLS without the test CA: the certificate is not trusted.
        (
            vec!["--connect", &redis_tls, "--user", "rot3", "--tls"],
            1,
            "tls_mismatch",
            "certificate",
        ),
    ];
    for (args, code, found, kind) in cases {
        let mut all = vec![key.as_str()];
        all.extend(args.iter().copied());
        let (o, v) = test_json(&home, &all);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {v}");
        assert_eq!(v["result"]["found"], found, "{args:?}: {v}");
        let text = v.to_string();
        assert!(text.contains(kind), "{args:?}: {v}");
        assert_eq!(slots(&home, &key), before, "{args:?} changed a slot");
    }
    holder.join().unwrap();
    // The words say what happened, never "wrong" for a time-out.
    let o = run(home.keyturn(&["password", "test", &key, "--connect", &closed]));
    assert!(
        out(&o).contains("could not reach the service"),
        "{}",
        out(&o)
    );
    assert!(!out(&o).contains("wrong password"), "{}", out(&o));
    // Only the one change reached the emulator.
    assert_eq!(
        emu.change_calls(
            keyturn::catalog::find(DCS).unwrap(),
            &["0504201b5a80d3a22f6ec01a1f4b5c9c", instance]
        ),
        1
    );
}

/// A DTS job's account in MariaDB (over TLS, with the test CA) and in
/// PostgreSQL: rotated through the emulator, then proven.
#[test]
fn dts_job_rotations_change_mariadb_and_postgresql() {
    let Some(s) = setup() else { return };
    for (database, port, tls) in [
        (Database::Mysql, "MYSQL_PORT", true),
        (Database::Postgresql, "PG_PORT", false),
    ] {
        let home = Home::new(&format!("prove-dts-{}", database.key()));
        let (_rt, emu) = emulator_backed(KEY_ID, SECRET, s, None, Some(database));
        let new = "Dts-Passw0rd-42";
        let args = [
            "request",
            DTS_JOB,
            "--key-id",
            KEY_ID,
            "--region",
            "cn-hangzhou",
            "--endpoint",
            &emu.url(),
            "--param",
            "DtsJobId=dtsjob1",
            "--param",
            "Endpoint=src",
            "--param",
            "UserName=dtsuser",
            "--param",
            "CurrentPassword=env:KT_OLD",
            "--param",
            "Password=env:KT_NEW",
            "--send",
            "--timeout",
            "10",
        ];
        let o = keyturn(&home, &args, s.get("INITIAL"), new, "");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{database:?}: {}{}",
            out(&o),
            err(&o)
        );
        let listed: serde_json::Value =
            serde_json::from_slice(&run(home.keyturn(&["password", "list", "--json"])).stdout)
                .unwrap();
        let key = listed[0]["key"].as_str().unwrap().to_owned();
        // Without the kind of database, no test is tried.
        let (o, v) = test_json(&home, &[&key, "--connect", &s.address(port)]);
        assert_eq!(o.status.code(), Some(2), "{v}");
        assert_eq!(v["result"]["why"]["reason"], "no_database_kind");
        let ca = s.get("CA_CERT").to_owned();
        let mut connect = vec![
            key.as_str(),
            "--connect",
            &s.env[port],
            "--database",
            database.key(),
        ];
        let address = s.address(port);
        connect[2] = &address;
        if tls {
            connect.extend(["--tls", "--ca-cert", &ca]);
        }
        let (o, v) = test_json(&home, &connect);
        assert_eq!(o.status.code(), Some(0), "{database:?}: {v}");
        assert_eq!(v["result"]["found"], "opened");
        let (o, v) = test_json(&home, &[&key, "--slot", "previous"]);
        assert_eq!(o.status.code(), Some(3), "{database:?}: {v}");
        assert_eq!(v["result"]["found"], "wrong_password");
        if !tls {
            // PostgreSQL here offers no TLS: said so, nothing sent in plain.
            let (o, v) = test_json(
                &home,
                &[
                    &key,
                    "--connect",
                    &address,
                    "--database",
                    database.key(),
                    "--tls",
                ],
            );
            assert_eq!(o.status.code(), Some(1), "{v}");
            assert_eq!(v["result"]["why"]["kind"], "not_offered");
        }
    }
}

/// TcaplusDB and DTS consumer groups offer no test, and say why.
#[test]
fn services_without_a_login_say_why() {
    let Some(_) = setup() else { return };
    for (op, why) in [
        (
            "tencentcloud.tcaplusdb.modify-cluster-password",
            "no_public_protocol",
        ),
        (
            "aliyun.dts.modify-consumer-group-password",
            "kafka_not_built",
        ),
    ] {
        let op = keyturn::catalog::find(op).unwrap();
        let key = ResourceKey {
            operation: op.id.into(),
            region: "-".into(),
            ids: op.resource_fields.iter().map(|_| "x".to_owned()).collect(),
            user: None,
        };
        let proof = tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(keyturn::prove::prove(keyturn::prove::Attempt {
                op,
                key: &key,
                connection: None,
                password: None,
                timeout: Duration::from_secs(1),
            }));
        let v = serde_json::to_value(&proof).unwrap();
        assert_eq!(v["found"], "not_available");
        assert_eq!(v["why"]["why"], why, "{v}");
    }
}

/// At RUST_LOG=trace, no password shows in any output of a test, a change
/// with --test, or recover --test.
#[test]
fn no_password_in_trace_output() {
    let Some(s) = setup() else { return };
    let home = Home::new("prove-trace");
    // `keyturn emulate` itself, with the real Redis behind it, at trace too.
    let mut emulate = common::keyturn(
        &home.dir,
        SECRET,
        &[
            "emulate",
            "--port",
            "0",
            "--key-id",
            KEY_ID,
            "--redis",
            &s.address("REDIS_PORT"),
            "--redis-user",
            "rot4",
            "--admin-user",
            s.get("ADMIN_USER"),
        ],
    );
    emulate
        .env("KEYTURN_EMULATE_ADMIN_PASSWORD", s.get("ADMIN_PASSWORD"))
        .env("RUST_LOG", "trace")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut emulator = emulate.spawn().unwrap();
    let mut lines =
        std::io::BufRead::lines(std::io::BufReader::new(emulator.stdout.take().unwrap()));
    let url = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| l.strip_prefix("listening on ").map(str::to_owned))
        .expect("the emulator's address");
    let emu_stderr = emulator.stderr.take().unwrap();
    let emu_err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut std::io::BufReader::new(emu_stderr), &mut text);
        text
    });
    let instance = "prove-trace";
    let key = dcs_key(instance);
    connect(&home, &key, &s.address("REDIS_PORT"), Some("rot4"));
    let new = "Trace-Passw0rd-4";
    let mut args =
        common::dcs_change_args(KEY_ID, &url, "0504201b5a80d3a22f6ec01a1f4b5c9c", instance);
    args.push("--test".into());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut change = common::keyturn(&home.dir, SECRET, &args);
    change
        .env("KT_OLD", s.get("INITIAL"))
        .env("KT_NEW", new)
        .env("RUST_LOG", "trace");
    let mut outputs = vec![run(change)];
    assert_eq!(outputs[0].status.code(), Some(0), "{}", err(&outputs[0]));
    for slot in ["current", "previous"] {
        let mut t = home.keyturn(&["password", "test", &key, "--slot", slot]);
        t.env("RUST_LOG", "trace");
        outputs.push(run(t));
    }
    // The emulator applied the change to the real Redis, and says so.
    emulator.kill().unwrap();
    let _ = emulator.wait();
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let emulator_said = format!("{}{}", rest.join("\n"), emu_err.join().unwrap());
    assert!(
        emulator_said.contains("applied to the real service"),
        "{emulator_said}"
    );
    let mut texts: Vec<String> = outputs
        .iter()
        .map(|o| format!("{}{}", out(o), err(o)))
        .collect();
    texts.push(emulator_said);
    let mut saw_trace = false;
    for all in &texts {
        saw_trace |= all.contains("TRACE") || all.contains("DEBUG");
        for secret in [new, s.get("INITIAL"), s.get("ADMIN_PASSWORD")] {
            for form in common::forms(secret) {
                assert!(!all.contains(&form), "a password in the output: {all}");
            }
        }
    }
    assert!(saw_trace, "RUST_LOG=trace was not honoured");
}

/// Connection details are checked before anything is kept or tried.
#[test]
fn bad_connection_details_are_refused() {
    require_keyring();
    let home = Home::new("prove-usage");
    let key = dcs_key("prove-usage");
    for (args, says) in [
        (
            vec!["password", "connect", key.as_str(), "--connect", "no-port"],
            "is not host:port",
        ),
        (
            vec!["password", "connect", key.as_str(), "--connect", "a b:1"],
            "is not host:port",
        ),
        (
            vec!["password", "test", key.as_str(), "--user", "u"],
            "--connect",
        ),
        (
            vec![
                "password",
                "test",
                key.as_str(),
                "--connect",
                "127.0.0.1:1",
                "--database",
                "oracle",
            ],
            "is not mysql or postgresql",
        ),
        (
            vec!["password", "test", "not-a-key"],
            "is not a resource key",
        ),
        (vec!["password", "connect", key.as_str()], "--forget"),
        (
            vec!["recover", "no-such-attempt", "--test"],
            "is not an open change",
        ),
    ] {
        let o = run(home.keyturn(&args));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}{}", out(&o), err(&o));
        assert!(err(&o).contains(says), "{args:?}: {}", err(&o));
    }
    // Nothing was kept.
    let listed = run(home.keyturn(&["password", "list", "--json"]));
    assert_eq!(out(&listed).trim(), "[]");
    // A resource with no password in the slot asked for: no test, exit 2.
    let o = run(home.keyturn(&["password", "test", &key, "--connect", "127.0.0.1:1"]));
    assert_eq!(o.status.code(), Some(2), "{}{}", out(&o), err(&o));
    assert!(
        out(&o).contains("this slot holds no password"),
        "{}",
        out(&o)
    );
}

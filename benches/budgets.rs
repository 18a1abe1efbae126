//! The performance budgets of DESIGN.md §8 that the core owns: signing one
//! request, and the per-keystroke rule check plus strength estimate.
//! Figures are recorded in BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;
use time::macros::datetime;

use keyturn::catalog::find;
use keyturn::endpoint::Endpoint;
use keyturn::http::{HttpRequest, Scheme};
use keyturn::request::{Inputs, SigningContext, Value, build, validate};
use keyturn::rules::{check, estimate};
use keyturn::sign::{Credentials, acs3, huawei, tc3, ucloud};

fn credentials() -> Credentials {
    Credentials::new(
        "FAKEKEYID0123456",
        SecretString::from("fake-secret-0123456789abcdef".to_owned()),
    )
}

fn json_request() -> HttpRequest {
    let mut r = HttpRequest::new("POST", Scheme::Https, "tcaplusdb.tencentcloudapi.com", "/");
    r.push_header("Content-Type", "application/json; charset=utf-8");
    r.body = r#"{"ClusterId":"23311894780","OldPassword":"Fake-Old-41","OldPasswordExpireTime":"2026-03-05 00:00:00","NewPassword":"Fake-New-42","Mode":"1"}"#.to_owned().into();
    r
}

fn signing(c: &mut Criterion) {
    let creds = credentials();
    let time = datetime!(2026-03-04 05:06:07 UTC);
    let mut g = c.benchmark_group("sign");
    g.bench_function("tc3", |b| {
        b.iter_batched(
            json_request,
            |mut r| {
                tc3::sign(
                    &mut r,
                    &creds,
                    &tc3::SigningParams {
                        service: "tcaplusdb",
                        action: "ModifyClusterPassword",
                        version: "2019-08-23",
                        region: Some("ap-guangzhou"),
                        time,
                    },
                );
                r
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("acs3", |b| {
        b.iter_batched(
            json_request,
            |mut r| {
                acs3::sign(
                    &mut r,
                    &creds,
                    &acs3::SigningParams {
                        action: "ModifyDtsJobPassword",
                        version: "2020-01-01",
                        time,
                        nonce: "3156853299f313e23d1673dc12e1703d",
                    },
                );
                r
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("huawei", |b| {
        b.iter_batched(
            json_request,
            |mut r| {
                huawei::sign(&mut r, &creds, time);
                r
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.bench_function("ucloud", |b| {
        let params: Vec<(String, String)> = [
            ("Action", "ModifyURedisGroupPassword"),
            ("Region", "cn-bj2"),
            ("GroupId", "uredis-abc123"),
            ("Password", "RmFrZS1OZXctUGFzcy00Mg=="),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        b.iter_batched(
            || params.clone(),
            |mut p| {
                ucloud::sign(&mut p, &creds);
                p
            },
            criterion::BatchSize::SmallInput,
        )
    });
    g.finish();

    // The whole second phase for one operation: encode, sign, mask.
    let op = find("huaweicloud.dcs.update-password").unwrap();
    let mut inputs = Inputs {
        region: Some("cn-north-4".into()),
        ..Inputs::default()
    };
    inputs.set(
        "project_id",
        Value::Plain("0504201b5a80d3a22f6ec01a1f4b5c9c".into()),
    );
    inputs.set("instance_id", Value::Plain("5560df16-ebe1-4ad6".into()));
    inputs.set(
        "old_password",
        Value::Secret(SecretString::from("Fake-Old-41".to_owned())),
    );
    inputs.set(
        "new_password",
        Value::Secret(SecretString::from("Fake-New-42!".to_owned())),
    );
    let validated = validate(op, &inputs).unwrap();
    let endpoint = Endpoint::default_for(op, Some("cn-north-4")).unwrap();
    c.bench_function("build_and_sign/huawei-dcs", |b| {
        b.iter(|| {
            build(
                black_box(&validated),
                &endpoint,
                &creds,
                SigningContext { time, nonce: "" },
            )
        })
    });
}

fn password_feedback(c: &mut Criterion) {
    let policy = &find("huaweicloud.dcs.update-password")
        .unwrap()
        .new_password
        .policy;
    let typed: String = "vT7#qL9!mZ2@xR4$kP8&".repeat(4).chars().take(64).collect();
    let pasted: String = "correct horse battery staple ~ 1 A "
        .repeat(300)
        .chars()
        .take(10_000)
        .collect();
    let mut g = c.benchmark_group("keystroke");
    g.bench_function("check/64", |b| {
        b.iter(|| check(policy, black_box(&typed), Some("Fake-Old-41")))
    });
    g.bench_function("check+strength/64", |b| {
        b.iter(|| {
            (
                check(policy, black_box(&typed), None),
                estimate(black_box(&typed), &[]),
            )
        })
    });
    g.bench_function("check+strength/10000-paste", |b| {
        b.iter(|| {
            (
                check(policy, black_box(&pasted), None),
                estimate(black_box(&pasted), &[]),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, signing, password_feedback);
criterion_main!(benches);

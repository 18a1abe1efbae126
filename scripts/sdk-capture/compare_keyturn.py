#!/usr/bin/env python3
"""Compares Keyturn's printed requests with the SDK fixtures in
tests/conformance/ (the keyturn-fields/ captures: the same fields as
Keyturn knows them), and prints the differences as Markdown.

    python3 scripts/sdk-capture/compare_keyturn.py [--keyturn target/debug/keyturn]

It only runs `keyturn request ... --show-secrets` (never --send), with the
fixture's fake key, time, nonce and recorder endpoint, and reads what it
prints. Standard library only; no SDK is needed.
"""

import argparse
import json
import os
import subprocess
import sys
from urllib.parse import parse_qsl, urlsplit

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Headers the HTTP client library adds on its own (requests/urllib3 on the
# SDK side); Keyturn's printed request shows only what it sets and signs.
TRANSPORT = {"accept-encoding", "connection", "content-length"}


def run_keyturn(keyturn, inputs, endpoint=True):
    env = dict(os.environ)
    env["KEYTURN_KEY_SECRET"] = inputs["key_secret"]
    cmd = [keyturn, "request", inputs["operation"], "--key-id", inputs["key_id"],
           "--region", inputs["keyturn"]["region"], "--show-secrets"]
    if endpoint:
        cmd += ["--endpoint", inputs["endpoint"]]
    if inputs.get("time"):
        cmd += ["--at", inputs["time"]]
    if inputs.get("nonce"):
        cmd += ["--nonce", inputs["nonce"]]
    for i, (name, value) in enumerate(inputs["keyturn"]["params"].items()):
        var = "KT_COMPARE_%d" % i
        env[var] = str(value)
        cmd += ["--param", "%s=env:%s" % (name, var)]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(cmd[:3]), out.returncode, out.stderr.strip()))
    return json.loads(out.stdout)


def signed_headers(auth):
    if not auth:
        return None
    for part in auth.replace(",", " ").split():
        if part.startswith("SignedHeaders="):
            return part.split("=", 1)[1].split(";")
    return None


def body_kind(ctype, body):
    ctype = (ctype or "").lower()
    if not body:
        return "empty"
    if "json" in ctype:
        return "json"
    if "x-www-form-urlencoded" in ctype:
        return "form"
    return "other"


def compare(keyturn, folder):
    with open(os.path.join(folder, "keyturn-fields", "inputs.json")) as f:
        inputs = json.load(f)
    with open(os.path.join(folder, "keyturn-fields", "request.json")) as f:
        sdk = json.load(f)
    kt = run_keyturn(keyturn, inputs)
    url = urlsplit(kt["url"])
    lines = ["## %s (%s)" % (inputs["operation"], inputs["api"]), ""]

    def note(text):
        lines.append("- " + text)

    if kt["method"] != sdk["method"]:
        note("method: SDK `%s`, Keyturn `%s`" % (sdk["method"], kt["method"]))
    if url.path != sdk["path"]:
        note("path: SDK `%s`, Keyturn `%s`" % (sdk["path"], url.path))

    sdk_h = {k.lower(): (k, v) for k, v in sdk["headers"]}
    kt_h = {k.lower(): (k, v) for k, v in kt["headers"].items()}
    sdk_ct = sdk_h.get("content-type", (None, None))[1]
    kt_ct = kt_h.get("content-type", (None, None))[1]
    sdk_q = [tuple(p) for p in sdk["query_params"]]
    kt_q = parse_qsl(url.query, keep_blank_values=True)
    sdk_kind, kt_kind = body_kind(sdk_ct, sdk["body"]), body_kind(kt_ct, kt.get("body"))
    sdk_form = [tuple(p) for p in sdk.get("body_form", [])]
    kt_form = parse_qsl(kt.get("body") or "", keep_blank_values=True) if kt_kind == "form" else []

    if sdk_q != kt_q:
        if sdk_q and not kt_q and kt_form:
            same = sorted(sdk_q) == sorted(kt_form)
            note("parameters: the SDK puts them in the **query string** (%s) with an empty body; Keyturn puts "
                 "them in a **form body** (%s)%s" % (
                     "in alphabetical order" if sdk_q == sorted(sdk_q) else "in its own order",
                     "in catalog order" if kt_form != sorted(kt_form) else "sorted",
                     "; the same names and values" if same else "; the names or values differ: SDK %r, Keyturn %r"
                     % (sdk_q, kt_form)))
        else:
            note("query: SDK `%s`, Keyturn `%s`" % (sdk["query"], url.query))
    if sdk_kind == kt_kind == "form":
        if sdk_form != kt_form:
            if sorted(sdk_form, key=lambda p: p[0]) == sorted(kt_form, key=lambda p: p[0]):
                note("form body: the same pairs, in another order. SDK: `%s`; Keyturn: `%s`" % (
                    ", ".join(k for k, _ in sdk_form), ", ".join(k for k, _ in kt_form)))
            else:
                note("form body differs: SDK %r, Keyturn %r" % (sdk_form, kt_form))
        else:
            note("form body: identical pairs in the same order")
        if sdk["body"] == kt.get("body"):
            note("form body bytes: identical")
    elif sdk_kind == kt_kind == "json":
        sj, kj = sdk["body_json"], json.loads(kt["body"])
        if sj != kj:
            note("JSON body values differ: SDK `%s`, Keyturn `%s`" % (sdk["body"], kt["body"]))
        else:
            order = "same key order" if list(sj) == list(kj) else "key order differs (SDK %s, Keyturn %s)" % (
                list(sj), list(kj))
            types = "same value types" if all(type(sj[k]) is type(kj[k]) for k in sj) else "value types differ"
            exact = "byte-identical" if sdk["body"] == kt["body"] else "not byte-identical: SDK `%s`, Keyturn `%s`" % (
                sdk["body"], kt["body"])
            note("JSON body: same values, %s, %s; %s" % (order, types, exact))
    elif sdk_kind != kt_kind and not (sdk_kind == "empty" and sdk_q):
        note("body: SDK %s `%s`, Keyturn %s `%s`" % (sdk_kind, sdk["body"], kt_kind, kt.get("body")))

    for lname in sdk_h:
        if lname in TRANSPORT or lname == "authorization":
            continue
        name, value = sdk_h[lname]
        if lname not in kt_h:
            note("header only in the SDK request: `%s: %s`" % (name, value))
        else:
            kname, kvalue = kt_h[lname]
            if kvalue != value and lname not in ("x-acs-content-sha256",):
                note("header `%s`: SDK `%s`, Keyturn `%s`" % (name, value, kvalue))
            if kname != name:
                note("header name spelling: SDK `%s`, Keyturn `%s`" % (name, kname))
    for lname, (name, value) in kt_h.items():
        if lname not in sdk_h:
            note("header only in Keyturn's request: `%s: %s`" % (name, value))
    transport = [k for k, _ in sdk["headers"] if k.lower() in TRANSPORT]
    if transport:
        note("added by the SDK's HTTP library, not shown by Keyturn's printout: %s" % ", ".join(
            "`%s: %s`" % (k, sdk_h[k.lower()][1]) for k in transport))
    s_sh = signed_headers(sdk_h.get("authorization", (None, None))[1])
    k_sh = signed_headers(kt_h.get("authorization", (None, None))[1])
    if s_sh != k_sh:
        note("signed headers: SDK `%s`, Keyturn `%s`" % (";".join(s_sh or []), ";".join(k_sh or [])))
    s_auth = sdk_h.get("authorization", (None, None))[1]
    k_auth = kt_h.get("authorization", (None, None))[1]
    if s_auth and s_auth == k_auth:
        note("Authorization: identical")
    if inputs["operation"].startswith("ucloud."):
        s_sig = dict(sdk_form).get("Signature")
        k_sig = dict(kt_form).get("Signature")
        note("UCloud Signature: %s (SDK `%s`, Keyturn `%s`)" % (
            "identical" if s_sig == k_sig else "different", s_sig, k_sig))
    sdk_order = [k for k, _ in sdk["headers"] if k.lower() not in TRANSPORT]
    kt_order = list(kt["headers"])
    note("header order: SDK `%s`; Keyturn `%s`" % (", ".join(sdk_order), ", ".join(kt_order)))

    default = run_keyturn(keyturn, inputs, endpoint=False)
    d = urlsplit(default["url"])
    kt_default = "%s://%s" % (d.scheme, d.netloc)
    if kt_default != inputs["sdk_default_endpoint"]:
        note("default endpoint for %s: SDK `%s`, Keyturn `%s`" % (
            inputs["region"], inputs["sdk_default_endpoint"], kt_default))
    else:
        note("default endpoint for %s: both `%s`" % (inputs["region"], kt_default))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keyturn", default=os.path.join(REPO, "target", "debug", "keyturn"))
    ap.add_argument("--fixtures", default=os.path.join(REPO, "tests", "conformance"))
    args = ap.parse_args()
    if not os.access(args.keyturn, os.X_OK):
        sys.exit("no keyturn binary at %s (build it, or give --keyturn)" % args.keyturn)
    for name in sorted(os.listdir(args.fixtures)):
        folder = os.path.join(args.fixtures, name)
        if os.path.isdir(os.path.join(folder, "keyturn-fields")):
            try:
                print(compare(args.keyturn, folder))
            except RuntimeError as e:
                # e.g. a task's call (task_call_of in its inputs.json),
                # which `keyturn request` does not make on its own
                print("## %s\n\nNot compared: %s\n" % (name, e))


if __name__ == "__main__":
    main()

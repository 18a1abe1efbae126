#!/usr/bin/env python3
"""Records what the providers' official Python SDKs put on the wire for
Keyturn's five operations, and writes them as fixtures under
tests/conformance/.

Run it through scripts/capture-sdk-requests, which installs the pinned SDKs
(scripts/sdk-capture/requirements.txt) in a throwaway venv first.

How it works: a small HTTP recorder listens on 127.0.0.1 (plain http, a
random port unless --port is given). Each SDK client is pointed at it with
its own endpoint override, signs with obviously fake keys at a fixed time
(and a fixed nonce where the SDK has one: the SDK functions that read the
clock or make nonces are replaced in the SDK modules for the run), and the
recorder keeps the request exactly as it arrived: method, raw path and
query, every header in the order and spelling sent, and the raw body. It
answers with the provider's documented success body, so each call
completes normally.

Nothing here leaves 127.0.0.1. No SDK code is copied: the SDKs are only
imported and called. The Alibaba endpoint table is read from the installed
DTS client and written as data, with its source file and version.
"""

import argparse
import base64
import datetime as _dt
import hashlib
import importlib.metadata as md
import inspect
import json
import os
import platform
import re
import sys
import tempfile
import threading
import types
import uuid as _uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

# --------------------------------------------------------------------------
# Fixed inputs. All keys and passwords are obviously fake.
# --------------------------------------------------------------------------

KEY_ID = "FAKECONFORMANCEKEYID"
KEY_SECRET = "fake-conformance-secret-not-real"

# The signing time: 2026-01-01T00:00:00Z (the same instant the Keyturn docs
# use with --at).
FIXED_TIME = _dt.datetime(2026, 1, 1, 0, 0, 0, tzinfo=_dt.timezone.utc)
FIXED_TIME_RFC3339 = "2026-01-01T00:00:00Z"
FIXED_EPOCH = int(FIXED_TIME.timestamp())  # 1767225600

# Alibaba's SDK makes its nonce as 32 lower-case hex digits (an MD5); the
# fixed one has the same shape.
ALIYUN_NONCE = "0123456789abcdef0123456789abcdef"
# Tencent's SDK sends a fresh uuid4 as X-TC-TraceId on every call (not
# signed, not a nonce of the signature scheme).
TENCENT_TRACE_ID = "00000000-0000-4000-8000-000000000001"
# Huawei's SDK puts a per-machine "application id" (a uuid4 it stores in
# $HOME/.huaweicloud/application_id) in its User-Agent. The run uses a
# throwaway HOME holding this fixed one.
HUAWEI_APP_ID = "00000000-0000-4000-8000-000000000000"

ALIYUN_REGION = "cn-hangzhou"
HUAWEI_REGION = "cn-north-4"
HUAWEI_PROJECT_ID = "0504201b5a80d3a22f6ec01a1f4b5c9c"
UCLOUD_REGION = "cn-bj2"
UCLOUD_PROJECT_ID = "org-ktconf"
TENCENT_REGION = "ap-guangzhou"

UCLOUD_PLAIN_PASSWORD = "New_Passw0rd-2026"
UCLOUD_B64_PASSWORD = base64.b64encode(UCLOUD_PLAIN_PASSWORD.encode()).decode()

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


# --------------------------------------------------------------------------
# The recorder
# --------------------------------------------------------------------------

class Recorder(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), _Handler)
        self.records = []
        self.responder = None
        self.lock = threading.Lock()

    @property
    def base(self):
        return "127.0.0.1:%d" % self.server_address[1]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            out = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    # trailers, up to the empty line
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out, True
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return (self.rfile.read(n) if n else b""), False

    def _handle(self):
        body, chunked = self._read_body()
        path, _, query = self.path.partition("?")
        record = {
            "method": self.command,
            "path": path,
            "query": query,
            "http_version": self.request_version,
            "headers": [[k, v] for k, v in self.headers.raw_items()],
            "body_bytes": body,
            "chunked": chunked,
        }
        with self.server.lock:
            self.server.records.append(record)
            responder = self.server.responder
        status, headers, payload = responder(record)
        data = json.dumps(payload).encode()
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

    def log_message(self, *args):
        pass


def header(record, name):
    for k, v in record["headers"]:
        if k.lower() == name.lower():
            return v
    return None


def request_fixture(record):
    """The request.json content for one recorded request."""
    body = record["body_bytes"]
    out = {
        "method": record["method"],
        "path": record["path"],
        "query": record["query"],
        "query_params": [list(p) for p in parse_qsl(record["query"], keep_blank_values=True)],
        "http_version": record["http_version"],
        "headers": record["headers"],
    }
    try:
        text = body.decode("utf-8")
        out["body"] = text
    except UnicodeDecodeError:
        text = None
        out["body"] = {"base64": base64.b64encode(body).decode()}
    if record["chunked"]:
        out["body_transfer"] = "chunked (body above is the de-chunked bytes)"
    ctype = (header(record, "Content-Type") or "").lower()
    if text is not None and ctype.startswith("application/x-www-form-urlencoded"):
        out["body_form"] = [list(p) for p in parse_qsl(text, keep_blank_values=True)]
    elif text and "json" in ctype:
        out["body_json"] = json.loads(text)
    return out


# --------------------------------------------------------------------------
# Pinning time and nonces inside the SDK modules
# --------------------------------------------------------------------------

class _FixedDateTime(_dt.datetime):
    @classmethod
    def utcnow(cls):
        return cls(2026, 1, 1, 0, 0, 0)

    @classmethod
    def now(cls, tz=None):
        if tz is None:
            return cls(2026, 1, 1, 0, 0, 0)
        return cls(2026, 1, 1, 0, 0, 0, tzinfo=_dt.timezone.utc).astimezone(tz)


def _fixed_time_module():
    import time as real_time
    fake = types.SimpleNamespace(**{n: getattr(real_time, n) for n in dir(real_time) if not n.startswith("__")})
    fake.time = lambda: float(FIXED_EPOCH)
    return fake


def pin_sdks():
    """Replaces the clock and nonce functions each SDK signs with.

    Returns what was pinned, per provider, for the fixtures."""
    pinned = {}

    # Alibaba: Utils.get_timestamp() gives x-acs-date, Utils.get_nonce() gives
    # x-acs-signature-nonce (alibabacloud_tea_openapi/utils.py).
    from alibabacloud_tea_openapi.utils import Utils
    Utils.get_timestamp = staticmethod(lambda: FIXED_TIME_RFC3339)
    Utils.get_nonce = staticmethod(lambda: ALIYUN_NONCE)
    pinned["aliyun"] = ("alibabacloud_tea_openapi.utils.Utils.get_timestamp and .get_nonce "
                        "replaced: x-acs-date and x-acs-signature-nonce are fixed")

    # Huawei: Signer._process_header_time() reads datetime.utcnow() for
    # X-Sdk-Date (huaweicloudsdkcore/signer/signer.py).
    import huaweicloudsdkcore.signer.signer as hw_signer
    hw_signer.datetime = _FixedDateTime
    pinned["huawei"] = ("huaweicloudsdkcore.signer.signer.datetime replaced by a datetime whose "
                        "utcnow() is fixed: X-Sdk-Date is fixed; the scheme has no nonce")

    # UCloud: U-Timestamp-Ms comes from time.time() in ucloud/core/client/_client.py.
    import ucloud.core.client._client as uc_client
    uc_client.time = _fixed_time_module()
    pinned["ucloud"] = ("ucloud.core.client._client.time.time replaced: the U-Timestamp-Ms header "
                        "is fixed (it is not signed); the signature has no time or nonce")

    # Tencent: X-TC-Timestamp from time.time() and X-TC-TraceId from
    # uuid.uuid4() in tencentcloud/common/abstract_client.py.
    import tencentcloud.common.abstract_client as tc_client
    tc_client.time = _fixed_time_module()
    tc_client.uuid = types.SimpleNamespace(uuid4=lambda: _uuid.UUID(TENCENT_TRACE_ID))
    pinned["tencent"] = ("tencentcloud.common.abstract_client.time.time and .uuid.uuid4 replaced: "
                         "X-TC-Timestamp and X-TC-TraceId are fixed; TC3 has no nonce")
    return pinned


# --------------------------------------------------------------------------
# Success answers (what each provider documents for a successful call)
# --------------------------------------------------------------------------

def aliyun_answer(api):
    def answer(record):
        body = {
            "RequestId": "CF7BB2B3-0000-4000-8000-00000000C0DE",
            "Success": "true" if api == "ModifyConsumerGroupPassword" else True,
        }
        if api == "ModifyDtsJobPassword":
            body["HttpStatusCode"] = 200
        return 200, [("Content-Type", "application/json;charset=utf-8"),
                     ("x-acs-request-id", body["RequestId"])], body
    return answer


def huawei_answer(record):
    body = {
        "lock_time": "0",
        "result": "success",
        "lock_time_left": "0",
        "retry_times_left": "5",
        "message": "Modify DCS instance password success.",
    }
    return 200, [("Content-Type", "application/json;charset=UTF-8"),
                 ("X-Request-Id", "0c8a3c1f00004000800000000000c0de")], body


def ucloud_answer(record):
    return 200, [("Content-Type", "application/json")], {
        "Action": "ModifyURedisGroupPasswordResponse",
        "RetCode": 0,
    }


def tencent_answer(record):
    return 200, [("Content-Type", "application/json")], {
        "Response": {"RequestId": "6ee4f2d4-0000-4000-8000-00000000c0de"}
    }


# --------------------------------------------------------------------------
# The calls
# --------------------------------------------------------------------------

def call_once(server, answer, fn):
    with server.lock:
        server.records = []
        server.responder = answer
    result = fn()
    with server.lock:
        records = list(server.records)
    if len(records) != 1:
        raise SystemExit("expected exactly one request, the recorder saw %d" % len(records))
    return records[0], result


def aliyun_client(server):
    from alibabacloud_dts20200101.client import Client
    from alibabacloud_tea_openapi import utils_models
    config = utils_models.Config(
        access_key_id=KEY_ID,
        access_key_secret=KEY_SECRET,
        region_id=ALIYUN_REGION,
        endpoint=server.base,
        protocol="http",
    )
    return Client(config)


def aliyun_consumer_group(server, fields):
    from alibabacloud_dts20200101 import models
    sdk_names = {
        "AccountId": "account_id",
        "ConsumerGroupID": "consumer_group_id",
        "ConsumerGroupName": "consumer_group_name",
        "ConsumerGroupPassword": "consumer_group_password",
        "ConsumerGroupUserName": "consumer_group_user_name",
        "OwnerId": "owner_id",
        "RegionId": "region_id",
        "ResourceGroupId": "resource_group_id",
        "SubscriptionInstanceId": "subscription_instance_id",
        "consumerGroupNewPassword": "consumer_group_new_password",
    }
    req = models.ModifyConsumerGroupPasswordRequest(**{sdk_names[k]: v for k, v in fields.items()})
    client = aliyun_client(server)
    record, resp = call_once(server, aliyun_answer("ModifyConsumerGroupPassword"),
                             lambda: client.modify_consumer_group_password(req))
    assert resp.status_code == 200 and resp.body.success == "true", resp
    assert header(record, "x-acs-date") == FIXED_TIME_RFC3339
    assert header(record, "x-acs-signature-nonce") == ALIYUN_NONCE
    return record, sdk_names


def aliyun_dts_job(server, fields):
    from alibabacloud_dts20200101 import models
    sdk_names = {
        "DtsInstanceId": "dts_instance_id",
        "DtsJobId": "dts_job_id",
        "Endpoint": "endpoint",
        "Password": "password",
        "RegionId": "region_id",
        "ResourceGroupId": "resource_group_id",
        "SynchronizationDirection": "synchronization_direction",
        "UserName": "user_name",
        "ZeroEtlJob": "zero_etl_job",
    }
    req = models.ModifyDtsJobPasswordRequest(**{sdk_names[k]: v for k, v in fields.items()})
    client = aliyun_client(server)
    record, resp = call_once(server, aliyun_answer("ModifyDtsJobPassword"),
                             lambda: client.modify_dts_job_password(req))
    assert resp.status_code == 200 and resp.body.success is True, resp
    assert header(record, "x-acs-date") == FIXED_TIME_RFC3339
    assert header(record, "x-acs-signature-nonce") == ALIYUN_NONCE
    return record, sdk_names


def huawei_update_password(server, fields):
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    from huaweicloudsdkdcs.v2 import DcsClient, ModifyInstancePasswordBody, UpdatePasswordRequest
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    creds = BasicCredentials(KEY_ID, KEY_SECRET, fields["project_id"])
    client = (DcsClient.new_builder()
              .with_http_config(config)
              .with_credentials(creds)
              .with_endpoint("http://" + server.base)
              .build())
    req = UpdatePasswordRequest(
        instance_id=fields["instance_id"],
        body=ModifyInstancePasswordBody(old_password=fields["old_password"],
                                        new_password=fields["new_password"]),
    )
    record, resp = call_once(server, huawei_answer, lambda: client.update_password(req))
    assert resp.status_code == 200 and resp.result == "success", resp
    assert header(record, "X-Sdk-Date") == "20260101T000000Z"
    sdk_names = {
        "project_id": "BasicCredentials(ak, sk, project_id) (not a request-model field)",
        "instance_id": "UpdatePasswordRequest.instance_id",
        "old_password": "UpdatePasswordRequest.body.old_password (ModifyInstancePasswordBody)",
        "new_password": "UpdatePasswordRequest.body.new_password (ModifyInstancePasswordBody)",
    }
    return record, sdk_names


def _quiet_logger(name):
    import logging
    log = logging.getLogger(name)
    log.setLevel(logging.WARNING)
    log.propagate = False
    return log


def ucloud_group_password(server, fields):
    from ucloud.client import Client
    config = {
        "region": fields["Region"],
        "public_key": KEY_ID,
        "private_key": KEY_SECRET,
        "base_url": "http://" + server.base,
        "max_retries": 0,
    }
    if "ProjectId" in fields:
        config["project_id"] = fields["ProjectId"]
    # By default the UCloud client logs each request's arguments, the
    # password included, at INFO on stderr; keep the run quiet.
    client = Client(config, logger=_quiet_logger("keyturn-capture-ucloud"))
    args = {k: v for k, v in fields.items() if k not in ("Region", "ProjectId")}
    record, resp = call_once(server, ucloud_answer,
                             lambda: client.umem().modify_uredis_group_password(args))
    assert header(record, "U-Timestamp-Ms") == str(FIXED_EPOCH * 1000)
    sdk_names = {
        "Region": "client config 'region' (sent as Region)",
        "ProjectId": "client config 'project_id' (sent as ProjectId)",
    }
    return record, sdk_names


def tencent_cluster_password(server, fields):
    from tencentcloud.common import credential
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.tcaplusdb.v20190823 import models, tcaplusdb_client
    profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=server.base))
    client = tcaplusdb_client.TcaplusdbClient(
        credential.Credential(KEY_ID, KEY_SECRET), TENCENT_REGION, profile)
    req = models.ModifyClusterPasswordRequest()
    for k, v in fields.items():
        setattr(req, k, v)
    record, resp = call_once(server, tencent_answer, lambda: client.ModifyClusterPassword(req))
    assert resp.RequestId, resp
    assert header(record, "X-TC-Timestamp") == str(FIXED_EPOCH)
    assert header(record, "X-TC-TraceId") == TENCENT_TRACE_ID
    return record, {}


# --------------------------------------------------------------------------
# The operations, their fixed fields, and which of them Keyturn knows
# --------------------------------------------------------------------------

OPERATIONS = [
    {
        "id": "aliyun.dts.modify-consumer-group-password",
        "api": "ModifyConsumerGroupPassword",
        "provider": "aliyun",
        "region": ALIYUN_REGION,
        "capture": aliyun_consumer_group,
        "fields": {
            "AccountId": "1234567890123456",
            "ConsumerGroupID": "dtswc411cg617pktcf",
            "ConsumerGroupName": "keyturn_conformance",
            "ConsumerGroupPassword": "Old-Passw0rd!2025",
            "ConsumerGroupUserName": "ktconformance",
            "OwnerId": "1234567890123456",
            "RegionId": ALIYUN_REGION,
            "ResourceGroupId": "rg-acfmktconformance",
            "SubscriptionInstanceId": "dtsg2m10r1x15aktcf",
            "consumerGroupNewPassword": "New-Passw0rd#2026",
        },
        # Keyturn's wire names (src/catalog/aliyun.rs); RegionId comes from --region.
        "keyturn_fields": ["SubscriptionInstanceId", "ConsumerGroupID", "ConsumerGroupPassword",
                           "consumerGroupNewPassword", "RegionId", "ConsumerGroupName",
                           "ConsumerGroupUserName"],
        "keyturn_region_field": "RegionId",
        "secret_fields": ["ConsumerGroupPassword", "consumerGroupNewPassword"],
        "field_notes": {
            "AccountId": "in the SDK model only; its comment says it will be deprecated and need not be given",
            "OwnerId": "in the SDK model only; undocumented there",
            "ResourceGroupId": "in the SDK model only",
        },
    },
    {
        "id": "aliyun.dts.modify-dts-job-password",
        "api": "ModifyDtsJobPassword",
        "provider": "aliyun",
        "region": ALIYUN_REGION,
        "capture": aliyun_dts_job,
        "fields": {
            "DtsInstanceId": "dtsl3m1213ye7lktcf",
            "DtsJobId": "l3m1213ye7lktcf",
            "Endpoint": "src",
            "Password": "Dts-Passw0rd@2026",
            "RegionId": ALIYUN_REGION,
            "ResourceGroupId": "rg-acfmktconformance",
            "SynchronizationDirection": "Reverse",
            "UserName": "dts_conformance",
            "ZeroEtlJob": True,
        },
        "keyturn_fields": ["DtsJobId", "Endpoint", "UserName", "Password", "RegionId"],
        "keyturn_region_field": "RegionId",
        "keyturn_local_only": {"CurrentPassword": "Dts-Passw0rd@2025"},
        "secret_fields": ["Password"],
        "field_notes": {
            "DtsInstanceId": "in the SDK model only",
            "ResourceGroupId": "in the SDK model only",
            "SynchronizationDirection": "in the SDK model only (Forward, the default, or Reverse; for two-way synchronization)",
            "ZeroEtlJob": "in the SDK model only; a Python bool, which the SDK turns into the string 'True' (capital T) on the wire",
            "CurrentPassword": "Keyturn only (Location::LocalOnly, checked locally, never sent); the SDK model has no such field",
        },
    },
    {
        "id": "huaweicloud.dcs.update-password",
        "api": "UpdatePassword",
        "provider": "huawei",
        "region": HUAWEI_REGION,
        "capture": huawei_update_password,
        "fields": {
            "project_id": HUAWEI_PROJECT_ID,
            "instance_id": "5560df16-ebe1-4ad6-8a1e-0b1a9c1e4a2b",
            "old_password": "Old-Passw0rd!2025",
            "new_password": "New~Passw0rd\\#2026",
        },
        "keyturn_fields": ["project_id", "instance_id", "old_password", "new_password"],
        "keyturn_region_field": None,
        "secret_fields": ["old_password", "new_password"],
        "field_notes": {
            "project_id": "the SDK takes it in BasicCredentials, fills the path from it and also sends it as the X-Project-Id header",
            "new_password": "contains a backslash on purpose (allowed by the API), to show JSON escaping",
        },
    },
    {
        "id": "ucloud.uredis.modify-group-password",
        "api": "ModifyURedisGroupPassword",
        "provider": "ucloud",
        "region": UCLOUD_REGION,
        "capture": ucloud_group_password,
        "fields": {
            "Region": UCLOUD_REGION,
            "ProjectId": UCLOUD_PROJECT_ID,
            "Zone": "cn-bj2-04",
            "GroupId": "uredis-ktconf01",
            "Password": UCLOUD_B64_PASSWORD,
            "ResourceType": "single",
        },
        "keyturn_fields": ["Region", "Zone", "ProjectId", "GroupId", "Password"],
        "keyturn_region_field": "Region",
        "keyturn_plain": {"Password": UCLOUD_PLAIN_PASSWORD},
        "secret_fields": ["Password"],
        "field_notes": {
            "Password": ("the SDK sends the string it is given; the caller must base64-encode it first. "
                         "Given: base64(%r). Keyturn takes the plain password and encodes it itself "
                         "(Encoding::Base64)" % UCLOUD_PLAIN_PASSWORD),
            "ResourceType": ("in the SDK model only, with no description for this API; 'single' is taken from "
                             "sibling UMem APIs' description (distributed / single / performance)"),
            "Region": "the SDK takes it from the client config ('region')",
            "ProjectId": "the SDK takes it from the client config ('project_id')",
        },
    },
    {
        "id": "tencentcloud.tcaplusdb.modify-cluster-password",
        "api": "ModifyClusterPassword",
        "provider": "tencent",
        "region": TENCENT_REGION,
        "capture": tencent_cluster_password,
        "fields": {
            "ClusterId": "23311894780",
            "OldPassword": "OldPassw0rd2025",
            "OldPasswordExpireTime": "2026-01-02 00:00:00",
            "NewPassword": "NewPassw0rd2026",
            "Mode": "1",
        },
        "keyturn_fields": ["ClusterId", "OldPassword", "OldPasswordExpireTime", "NewPassword", "Mode"],
        "keyturn_region_field": None,
        "secret_fields": ["OldPassword", "NewPassword"],
        "field_notes": {
            "Mode": "a string in the SDK model ('1' or '2'), sent as a JSON string",
            "OldPasswordExpireTime": "a plain string in the SDK model; Keyturn reads it as China Standard Time (+08:00)",
        },
    },
]

def sdk_default_endpoint(provider, region):
    """Where the SDK would send the call for this region with no override."""
    if provider == "aliyun":
        from alibabacloud_dts20200101.client import Client
        from alibabacloud_tea_openapi import utils_models
        c = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET, region_id=region))
        return "https://" + c._endpoint
    if provider == "huawei":
        from huaweicloudsdkdcs.v2.region.dcs_region import DcsRegion
        return DcsRegion.value_of(region).endpoints[0]
    if provider == "ucloud":
        from ucloud.core.client._cfg import Config
        return Config.from_dict({"region": region}).base_url
    if provider == "tencent":
        from tencentcloud.common import credential
        from tencentcloud.tcaplusdb.v20190823 import tcaplusdb_client
        c = tcaplusdb_client.TcaplusdbClient(credential.Credential(KEY_ID, KEY_SECRET), region)
        return "https://" + c._get_endpoint()
    raise ValueError(provider)


SDK_PACKAGES = {
    "aliyun": ("alibabacloud_dts20200101", "alibabacloud_tea_openapi",
               ["darabonba-core", "alibabacloud-credentials", "requests", "urllib3"]),
    "huawei": ("huaweicloudsdkdcs", "huaweicloudsdkcore", ["requests", "urllib3"]),
    "ucloud": ("ucloud-sdk-python3", "ucloud-sdk-python3", ["requests", "urllib3"]),
    "tencent": ("tencentcloud-sdk-python-tcaplusdb", "tencentcloud-sdk-python-common",
                ["requests", "urllib3"]),
}


def sdk_json(provider):
    pkg, core, others = SDK_PACKAGES[provider]
    out = {
        "package": pkg,
        "version": md.version(pkg),
        "core_package": core,
        "core_version": md.version(core),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "other_packages": {p: md.version(p) for p in others},
    }
    if provider == "ucloud":
        out["note"] = "UCloud ships its core (ucloud.core) in the same package as the services"
    return out


# --------------------------------------------------------------------------
# The SDK models, read from the installed SDK
# --------------------------------------------------------------------------

ENGLISH = {
    # Huawei (the SDK's descriptions are in Chinese)
    ("huawei", "instance_id"): "Instance ID.",
    ("huawei", "body"): "Body of the UpdatePasswordRequest.",
    ("huawei", "old_password"): "Old password.",
    ("huawei", "new_password"): "New password.",
    # UCloud
    ("ucloud", "ProjectId"): "Project ID. Leave empty for the default project; sub-accounts must give it.",
    ("ucloud", "Region"): "Region (see the region and zone list).",
    ("ucloud", "GroupId"): "ID of the group.",
    ("ucloud", "Password"): ("New password: 6 to 36 characters, only letters, digits, - and _; and it must be "
                             "base64-encoded. To remove the password, give an empty string."),
    ("ucloud", "ResourceType"): "(no description)",
    ("ucloud", "Zone"): "Availability zone (see the zone list).",
    # Tencent
    ("tencent", "ClusterId"): "ID of the cluster whose password is changed.",
    ("tencent", "OldPassword"): "The cluster's old password.",
    ("tencent", "OldPasswordExpireTime"): "When the cluster's old password is expected to stop working.",
    ("tencent", "NewPassword"): ("The cluster's new password: characters a-zA-Z0-9 only, and it must contain "
                                 "digits, upper- and lower-case letters."),
    ("tencent", "Mode"): ("Update mode: `1` changes the password; `2` changes the old password's expiry time; "
                          "default `1`."),
}


def md_escape(s):
    return (s or "").replace("|", "\\|").replace("\n", " ").strip()


def aliyun_model_rows(cls):
    src = inspect.getsource(cls)
    init_src = inspect.getsource(cls.__init__)
    sig = inspect.signature(cls.__init__)
    wire = dict((attr, name) for name, attr in re.findall(r"result\['([^']+)'\] = self\.(\w+)", src))
    comments, rows = [], []
    for line in init_src.splitlines():
        s = line.strip()
        if s.startswith("#"):
            comments.append(s.lstrip("#").strip())
            continue
        m = re.match(r"self\.(\w+) = \1$", s)
        if m:
            attr = m.group(1)
            text = " ".join(c for c in comments if c)
            if "required only" in text:
                required = "only in some cases (see description)"
            elif re.search(r"This parameter is required(\.| and)", text):
                required = "yes"
            else:
                required = "no"
            desc = text.replace("This parameter is required.", "").replace("> ", "").strip()
            ann = sig.parameters[attr].annotation
            rows.append((wire.get(attr, "?"), attr, str(ann), required, desc or "(none)"))
            comments = []
    return rows


def huawei_param_docs(cls):
    doc = cls.__init__.__doc__ or ""
    return dict(re.findall(r":param (\w+): (.*)", doc))


def huawei_required(cls):
    # The generator assigns required attributes unconditionally in __init__
    # and optional ones under "if x is not None".
    src = inspect.getsource(cls.__init__)
    optional = set(re.findall(r"if (\w+) is not None:", src))
    return {attr: attr not in optional for attr in cls.openapi_types}


def model_markdown(op):
    provider, api = op["provider"], op["api"]
    lines = ["# %s: the SDK's request model" % op["id"], ""]
    if provider == "aliyun":
        from alibabacloud_dts20200101 import models
        cls = getattr(models, api + "Request")
        path = inspect.getsourcefile(cls)
        lines += [
            "Read from `%s` in `alibabacloud_dts20200101` %s (class `%s`)." % (
                os.path.relpath(path, os.path.dirname(os.path.dirname(os.path.dirname(path)))),
                md.version("alibabacloud_dts20200101"),
                cls.__name__),
            "Wire names are the keys its `to_map()` uses, which are also the query parameter names; "
            "types are the constructor's annotations; \"required\" is read from the field's comment "
            "(\"This parameter is required\"): the SDK has no other required flag and its `validate()` checks "
            "nothing. Descriptions are the SDK's comments.",
            "",
            "| wire name | SDK attribute | type | required | description |",
            "|---|---|---|---|---|",
        ]
        for wire, attr, typ, req, desc in aliyun_model_rows(cls):
            lines.append("| `%s` | `%s` | %s | %s | %s |" % (wire, attr, typ, req, md_escape(desc)))
        lines += ["", "Sent by the client (`alibabacloud_dts20200101/client.py`, "
                  "`%s_with_options`): every non-null field goes into the query string, "
                  "the body stays empty (`req_body_type='formData'` but no body is given); "
                  "RPC style, `POST /`, ACS3-HMAC-SHA256 by default." % _snake(api)]
    elif provider == "huawei":
        from huaweicloudsdkdcs.v2.model import modify_instance_password_body, update_password_request
        req_cls = update_password_request.UpdatePasswordRequest
        body_cls = modify_instance_password_body.ModifyInstancePasswordBody
        lines += [
            "Read from `huaweicloudsdkdcs/v2/model/update_password_request.py` and "
            "`modify_instance_password_body.py` in `huaweicloudsdkdcs` %s." % md.version("huaweicloudsdkdcs"),
            "Types from `openapi_types`, wire names from `attribute_map`, descriptions from the constructor's "
            "docstring (Chinese in the SDK; English gloss added). The SDK has no \"required\" flag; \"required\" "
            "here is read from how the generated constructor assigns the field (unconditionally = required, "
            "under `if x is not None` = optional).",
            "",
        ]
        for cls, where in ((req_cls, "request (path)"), (body_cls, "JSON body")):
            docs = huawei_param_docs(cls)
            reqd = huawei_required(cls)
            lines += ["## `%s` (%s)" % (cls.__name__, where), "",
                      "| wire name | SDK attribute | type | required | description (SDK) | English |",
                      "|---|---|---|---|---|---|"]
            for attr, typ in cls.openapi_types.items():
                lines.append("| `%s` | `%s` | %s | %s | %s | %s |" % (
                    cls.attribute_map[attr], attr, typ, "yes" if reqd[attr] else "no",
                    md_escape(docs.get(attr)), md_escape(ENGLISH.get((provider, attr), ""))))
            lines.append("")
        lines += [
            "`project_id` is not a field of the model: the client fills `{project_id}` in "
            "`/v2/{project_id}/instances/{instance_id}/password` from `BasicCredentials(ak, sk, project_id)`, "
            "and `BasicCredentials.sign_request` also adds it as the `X-Project-Id` header (signed). "
            "Method `PUT`, `Content-Type: application/json;charset=UTF-8` "
            "(`huaweicloudsdkdcs/v2/dcs_client.py`, `_update_password_http_info`)."]
    elif provider == "ucloud":
        from ucloud.services.umem import client as umem_client
        from ucloud.services.umem.schemas import apis
        schema = apis.ModifyURedisGroupPasswordRequestSchema
        doc = umem_client.UMemClient.modify_uredis_group_password.__doc__
        docs = {n: d for n, _, d in re.findall(r"- \*\*(\w+)\*\* \((\w+)\) - ?(.*)", doc)}
        lines += [
            "Read from `ucloud/services/umem/schemas/apis.py` (`%s`) and the docstring of "
            "`UMemClient.modify_uredis_group_password` in `ucloud/services/umem/client.py`, "
            "`ucloud-sdk-python3` %s." % (schema.__name__, md.version("ucloud-sdk-python3")),
            "Types and \"required\" from the schema's fields; descriptions from the docstring (Chinese in the "
            "SDK; English gloss added). \"(Config)\" in the docstring means the client config fills it.",
            "",
            "| wire name | type | required | description (SDK) | English |",
            "|---|---|---|---|---|",
        ]
        for name, field in schema.fields.items():
            lines.append("| `%s` | %s | %s | %s | %s |" % (
                field.dump_to or name, type(field).__name__, "yes" if field.required else "no",
                md_escape(docs.get(name, "")), md_escape(ENGLISH.get((provider, name), ""))))
        lines += ["", "The schema does not encode `Password`: the caller passes it already base64-encoded. "
                  "The client sends `POST` to the base URL with an "
                  "`application/x-www-form-urlencoded` body holding every field plus `Action`, `PublicKey` and "
                  "`Signature` (`ucloud/core/client/_client.py`)."]
    elif provider == "tencent":
        from tencentcloud.tcaplusdb.v20190823 import models
        cls = models.ModifyClusterPasswordRequest
        doc = cls.__init__.__doc__ or ""
        params = re.findall(r":param _(\w+): (.*)\n\s*:type \1: (.*)", doc)
        lines += [
            "Read from `tencentcloud/tcaplusdb/v20190823/models.py` (`%s`) in "
            "`tencentcloud-sdk-python-tcaplusdb` %s." % (cls.__name__, md.version("tencentcloud-sdk-python-tcaplusdb")),
            "Names and types from the constructor's docstring (descriptions in Chinese in the SDK; English gloss "
            "added). The Python model has no \"required\" flag (every field defaults to None and None fields are "
            "left out of the JSON body); the API reference lists ClusterId, OldPassword, OldPasswordExpireTime "
            "and NewPassword as required and Mode as optional.",
            "",
            "| wire name | type | required | description (SDK) | English |",
            "|---|---|---|---|---|",
        ]
        for name, desc, typ in params:
            lines.append("| `%s` | %s | not stated by the SDK | %s | %s |" % (
                name, typ.strip(), md_escape(desc), md_escape(ENGLISH.get((provider, name), ""))))
        lines += ["", "The client (`tcaplusdb_client.py`, `ModifyClusterPassword`) serializes the set fields "
                  "in the model's attribute order and `json.dumps` them (default separators `, ` and `: `); "
                  "`POST /` with TC3-HMAC-SHA256 (`tencentcloud/common/abstract_client.py`)."]
    return "\n".join(lines) + "\n"


def _snake(api):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", api).lower()


# --------------------------------------------------------------------------
# Alibaba DTS endpoint table
# --------------------------------------------------------------------------

def aliyun_endpoints():
    from alibabacloud_dts20200101.client import Client
    from alibabacloud_tea_openapi import utils_models
    client = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET,
                                        region_id=ALIYUN_REGION))
    table = dict(client._endpoint_map)
    rule = client._endpoint_rule
    examples = {}
    for region in ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1",
                   "ap-northeast-1", "cn-guangzhou", "cn-heyuan", "cn-nanjing", "eu-central-1",
                   "me-central-1", "ap-southeast-6"]:
        c = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET, region_id=region))
        examples[region] = c._endpoint
    return {
        "source": {
            "package": "alibabacloud_dts20200101",
            "version": md.version("alibabacloud_dts20200101"),
            "file": "alibabacloud_dts20200101/client.py",
            "what": "Client.__init__: self._endpoint_rule and self._endpoint_map; hosts for regions not in the "
                    "map come from alibabacloud_tea_openapi.utils.Utils.get_endpoint_rules (alibabacloud_tea_openapi "
                    + md.version("alibabacloud_tea_openapi") + ")",
        },
        "endpoint_rule": rule,
        "fallback_pattern": "dts.{region}.aliyuncs.com",
        "fallback_note": ("A region missing from the map gets '<product><network>.<region_id>.aliyuncs.com' "
                          "(endpoint_rule 'regional', public network): dts.{region}.aliyuncs.com. "
                          "Config.endpoint, when set, wins over both."),
        "map": table,
        "hosts_of_map": sorted(set(table.values())),
        "resolved_examples": examples,
    }


# --------------------------------------------------------------------------
# Writing the fixtures
# --------------------------------------------------------------------------

_PAIR = re.compile(r'\[\n\s*("(?:[^"\\]|\\.)*"),\n\s*("(?:[^"\\]|\\.)*")\n\s*\]')


def write_json(path, data):
    """Pretty JSON, with each [name, value] pair on one line."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False)
    text = _PAIR.sub(lambda m: "[%s, %s]" % (m.group(1), m.group(2)), text)
    assert json.loads(text) == json.loads(json.dumps(data))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def inputs_json(op, fields, sdk_names, endpoint, pinned, variant):
    # UCloud's signature has no time (only the unsigned U-Timestamp-Ms header).
    signing_time = None if op["provider"] == "ucloud" else FIXED_TIME_RFC3339
    nonce = {"aliyun": ALIYUN_NONCE}.get(op["provider"])
    keyturn_params = {}
    for name in op["keyturn_fields"]:
        if name == op.get("keyturn_region_field") or name not in fields:
            continue
        keyturn_params[name] = op.get("keyturn_plain", {}).get(name, fields[name])
    for name, value in op.get("keyturn_local_only", {}).items():
        keyturn_params[name] = value
    out = {
        "operation": op["id"],
        "api": op["api"],
        "variant": variant,
        "region": op["region"],
        "endpoint": "http://" + endpoint,
        "sdk_default_endpoint": sdk_default_endpoint(op["provider"], op["region"]),
        "key_id": KEY_ID,
        "key_secret": KEY_SECRET,
        "time": signing_time,
        "nonce": nonce,
        "pinned": pinned[op["provider"]],
        "fields": fields,
        "secret_fields": [f for f in op["secret_fields"] if f in fields],
        "sdk_names": {k: v for k, v in sdk_names.items() if k in fields},
        "sdk_only_fields": [f for f in fields if f not in op["keyturn_fields"]],
        "field_notes": {k: v for k, v in op["field_notes"].items()
                        if k in fields or k in op.get("keyturn_local_only", {})},
        "keyturn": {
            "region": op["region"],
            "params": keyturn_params,
            "secret_params": [p for p in keyturn_params
                              if p in op["secret_fields"] or p in op.get("keyturn_local_only", {})],
            "note": ("what to give `keyturn request` for the same call: --region, then --param NAME=VALUE "
                     "(secrets as NAME=env:VAR); fields listed in sdk_only_fields have no Keyturn wire name"),
        },
    }
    if op["provider"] == "huawei":
        out["project_id"] = fields["project_id"]
        out["extra_pinned"] = {"User-Agent app id": HUAWEI_APP_ID}
    if op["provider"] == "ucloud":
        out["header_time"] = FIXED_TIME_RFC3339
        out["time_note"] = ("UCloud's signature has no time: the fixed time (header_time) only sets the "
                            "U-Timestamp-Ms header, which is not signed")
        out["project_id"] = fields.get("ProjectId")
    if op["provider"] == "tencent":
        out["extra_pinned"] = {"X-TC-TraceId": TENCENT_TRACE_ID}
        out["nonce_note"] = "TC3-HMAC-SHA256 has no nonce"
    if op["provider"] == "huawei":
        out["nonce_note"] = "SDK-HMAC-SHA256 has no nonce"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(REPO, "tests", "conformance"),
                    help="folder for the fixtures (default: tests/conformance)")
    ap.add_argument("--port", type=int, default=0, help="recorder port (default: a random free port)")
    args = ap.parse_args()

    pinned = pin_sdks()
    server = Recorder(args.port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print("recorder on http://%s" % server.base)
    try:
        for op in OPERATIONS:
            folder = os.path.join(args.out, op["id"])
            variants = [("all-sdk-fields", folder, op["fields"])]
            kt = {k: v for k, v in op["fields"].items() if k in op["keyturn_fields"]}
            variants.append(("keyturn-fields", os.path.join(folder, "keyturn-fields"), kt))
            for variant, where, fields in variants:
                record, sdk_names = op["capture"](server, dict(fields))
                write_json(os.path.join(where, "request.json"), request_fixture(record))
                write_json(os.path.join(where, "inputs.json"),
                           inputs_json(op, fields, sdk_names, server.base, pinned, variant))
                print("%-48s %-15s %s %s%s" % (op["id"], variant, record["method"], record["path"],
                                                 "?" + record["query"][:40] + "..." if record["query"] else ""))
            write_json(os.path.join(folder, "sdk.json"), sdk_json(op["provider"]))
            write_text(os.path.join(folder, "sdk-model.md"), model_markdown(op))
        write_json(os.path.join(args.out, "aliyun-dts-endpoints.json"), aliyun_endpoints())
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    # Huawei's SDK reads (or creates) $HOME/.huaweicloud/application_id when
    # it is imported; give it a throwaway HOME with a fixed id, so the run
    # neither writes to the real home nor puts a random id in User-Agent.
    home = tempfile.mkdtemp(prefix="keyturn-sdk-home-")
    os.makedirs(os.path.join(home, ".huaweicloud"))
    with open(os.path.join(home, ".huaweicloud", "application_id"), "w") as f:
        f.write(HUAWEI_APP_ID)
    os.environ["HOME"] = home
    # Nothing may go through a proxy, and no SDK may pick keys or a user
    # agent from the environment.
    for name in list(os.environ):
        if name.lower() in ("http_proxy", "https_proxy", "all_proxy") or \
                name.startswith(("ALIBABA_CLOUD_", "ALICLOUD_", "HUAWEICLOUD_SDK_", "TENCENTCLOUD_", "UCLOUD_")):
            del os.environ[name]
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    try:
        main()
    finally:
        import shutil
        shutil.rmtree(home, ignore_errors=True)

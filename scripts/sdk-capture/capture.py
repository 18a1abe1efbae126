#!/usr/bin/env python3
"""Records what the providers' official Python SDKs put on the wire for
Keyturn's operations (and the two Tencent task polls), and writes them as
fixtures under tests/conformance/.

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
imported and called. The Alibaba endpoint tables are read from the installed
clients (DTS, R-KVStore, RDS, PolarDB) and written as data, with their source
file and version.
"""

import argparse
import base64
import datetime as _dt
import hashlib
import importlib
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


def aliyun_client(server, package="alibabacloud_dts20200101"):
    Client = importlib.import_module(package + ".client").Client
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
    client.request_client = tencent_request_client("tencentcloud-sdk-python-tcaplusdb")
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

# --------------------------------------------------------------------------
# The ten newer operations and the two Tencent task polls
# --------------------------------------------------------------------------

ALIYUN_REQUEST_ID = "CF7BB2B3-0000-4000-8000-00000000C0DE"
TENCENT_REQUEST_ID = "6ee4f2d4-0000-4000-8000-00000000c0de"
TENCENT_REDIS_TASK_ID = 4242
TENCENT_CDB_ASYNC_ID = "f0c0de00-00004000-80000000-0000c0de"
HUAWEI_REQUEST_ID = "0c8a3c1f00004000800000000000c0de"

ALIYUN_NEW_PRODUCTS = [
    ("alibabacloud_r_kvstore20150101", "r-kvstore"),
    ("alibabacloud_rds20140815", "rds"),
    ("alibabacloud_polardb20170801", "polardb"),
]


def tencent_request_client(package):
    """X-TC-RequestClient as this package alone would send it.

    The SDK builds it from tencentcloud/__init__.py, a file that every
    tencentcloud-sdk-python-* package installs; with several installed, the
    last one written wins. The run sets each client's value to its own
    package's version instead."""
    return "SDK_PYTHON_%s" % md.version(package)


# Answers -------------------------------------------------------------------

def aliyun_request_id_answer(record):
    # R-KVStore, RDS and PolarDB document {"RequestId": ...} as the whole success body.
    return 200, [("Content-Type", "application/json;charset=utf-8"),
                 ("x-acs-request-id", ALIYUN_REQUEST_ID)], {"RequestId": ALIYUN_REQUEST_ID}


def huawei_empty_answer(record):
    # RDS ResetPwd and DDS ResetPassword document "{}" as the normal response;
    # the SDK's response models (ResetPwdResponse, ResetPasswordResponse) have no fields.
    return 200, [("Content-Type", "application/json"),
                 ("X-Request-Id", HUAWEI_REQUEST_ID)], {}


def tencent_body_answer(body):
    def answer(record):
        out = dict(body)
        out["RequestId"] = TENCENT_REQUEST_ID
        return 200, [("Content-Type", "application/json")], {"Response": out}
    return answer


def ucloud_action_answer(api):
    def answer(record):
        return 200, [("Content-Type", "application/json")], {"RetCode": 0, "Action": api + "Response"}
    return answer


# Captures ------------------------------------------------------------------

def aliyun_capture(package, api):
    def capture(server, fields):
        models = importlib.import_module(package + ".models")
        cls = getattr(models, api + "Request")
        attr_of = {wire: attr for wire, attr, _, _, _ in aliyun_model_rows(cls)}
        req = cls(**{attr_of[k]: v for k, v in fields.items()})
        client = aliyun_client(server, package)
        record, resp = call_once(server, aliyun_request_id_answer,
                                 lambda: getattr(client, _snake(api))(req))
        assert resp.status_code == 200 and resp.body.request_id == ALIYUN_REQUEST_ID, resp
        assert header(record, "x-acs-date") == FIXED_TIME_RFC3339
        assert header(record, "x-acs-signature-nonce") == ALIYUN_NONCE
        # Every field goes into the query; the body stays empty.
        assert record["body_bytes"] == b"", record["body_bytes"]
        sent = dict(parse_qsl(record["query"], keep_blank_values=True))
        assert set(fields) <= set(sent), (fields, sent)
        return record, dict(attr_of)
    return capture


def huawei_client(server, project_id, client_cls):
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.http.http_config import HttpConfig
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    return (client_cls.new_builder()
            .with_http_config(config)
            .with_credentials(BasicCredentials(KEY_ID, KEY_SECRET, project_id))
            .with_endpoint("http://" + server.base)
            .build())


def huawei_capture(module, client_name, method, req_name, body_name, header_attrs):
    """header_attrs: {wire header name: request attribute} for header fields."""
    def capture(server, fields):
        mod = importlib.import_module(module)
        req_cls, body_cls = getattr(mod, req_name), getattr(mod, body_name)
        client = huawei_client(server, fields["project_id"], getattr(mod, client_name))
        body_wire = {w: a for a, w in body_cls.attribute_map.items()}
        body = body_cls(**{body_wire[k]: v for k, v in fields.items() if k in body_wire})
        kwargs = {"instance_id": fields["instance_id"], "body": body}
        for wire, attr in header_attrs.items():
            if wire in fields:
                kwargs[attr] = fields[wire]
        req = req_cls(**kwargs)
        record, resp = call_once(server, huawei_empty_answer, lambda: getattr(client, method)(req))
        assert resp.status_code == 200, resp
        assert header(record, "X-Sdk-Date") == "20260101T000000Z"
        sdk_names = {
            "project_id": "BasicCredentials(ak, sk, project_id) (not a request-model field)",
            "instance_id": "%s.instance_id" % req_name,
        }
        for wire, attr in header_attrs.items():
            sdk_names[wire] = "%s.%s (sent as the %s header)" % (req_name, attr, wire)
        for wire, attr in body_wire.items():
            sdk_names[wire] = "%s.body.%s (%s)" % (req_name, attr, body_name)
        return record, sdk_names
    return capture


def tencent_capture(module, client_module, client_name, api, answer, list_models=None):
    """list_models: {list field: item model class name}; such fields are given
    in `fields` as 'Name.N.Sub' keys and sent as a JSON array of objects."""
    def capture(server, fields):
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        models = importlib.import_module(module + ".models")
        cmod = importlib.import_module(module + "." + client_module)
        profile = ClientProfile(httpProfile=HttpProfile(protocol="http", endpoint=server.base))
        client = getattr(cmod, client_name)(credential.Credential(KEY_ID, KEY_SECRET), TENCENT_REGION, profile)
        client.request_client = tencent_request_client(TENCENT_PACKAGE_OF[module])
        req = getattr(models, api + "Request")()
        lists = {}
        for k, v in fields.items():
            if "." in k:
                name, idx, sub = k.split(".")
                lists.setdefault(name, {}).setdefault(int(idx), {})[sub] = v
            else:
                setattr(req, k, v)
        for name, items in lists.items():
            objs = []
            for idx in sorted(items):
                obj = getattr(models, (list_models or {})[name])()
                for sub, v in items[idx].items():
                    setattr(obj, sub, v)
                objs.append(obj)
            setattr(req, name, objs)
        record, resp = call_once(server, answer, lambda: getattr(client, api)(req))
        assert resp.RequestId == TENCENT_REQUEST_ID, resp
        assert header(record, "X-TC-Timestamp") == str(FIXED_EPOCH)
        assert header(record, "X-TC-TraceId") == TENCENT_TRACE_ID
        return record, {}
    return capture


TENCENT_PACKAGE_OF = {
    "tencentcloud.redis.v20180412": "tencentcloud-sdk-python-redis",
    "tencentcloud.cdb.v20170320": "tencentcloud-sdk-python-cdb",
}


def ucloud_capture(service, method, api):
    def capture(server, fields):
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
        client = Client(config, logger=_quiet_logger("keyturn-capture-ucloud"))
        args = {k: v for k, v in fields.items() if k not in ("Region", "ProjectId")}
        record, resp = call_once(server, ucloud_action_answer(api),
                                 lambda: getattr(getattr(client, service)(), method)(args))
        assert header(record, "U-Timestamp-Ms") == str(FIXED_EPOCH * 1000)
        return record, {
            "Region": "client config 'region' (sent as Region)",
            "ProjectId": "client config 'project_id' (sent as ProjectId)",
        }
    return capture


# Default endpoints ----------------------------------------------------------

def aliyun_default(package):
    def default(region):
        from alibabacloud_tea_openapi import utils_models
        Client = importlib.import_module(package + ".client").Client
        c = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET, region_id=region))
        return "https://" + c._endpoint
    return default


def huawei_default(region_module, region_cls):
    def default(region):
        return getattr(importlib.import_module(region_module), region_cls).value_of(region).endpoints[0]
    return default


def tencent_default(module, client_module, client_name):
    def default(region):
        from tencentcloud.common import credential
        cmod = importlib.import_module(module + "." + client_module)
        c = getattr(cmod, client_name)(credential.Credential(KEY_ID, KEY_SECRET), region)
        return "https://" + c._get_endpoint()
    return default


def ucloud_default(region):
    from ucloud.core.client._cfg import Config
    return Config.from_dict({"region": region}).base_url


# sdk-model.md for the newer operations ---------------------------------------

ENGLISH_NEW = {
    # Huawei RDS ResetPwd
    ("huaweicloud.rds.reset-password", "x_language"): "Language (of error messages).",
    ("huaweicloud.rds.reset-password", "instance_id"): "Instance ID.",
    ("huaweicloud.rds.reset-password", "body"): "Body of the ResetPwdRequest.",
    ("huaweicloud.rds.reset-password", "db_user_pwd"): "Database password.",
    # Huawei DDS ResetPassword
    ("huaweicloud.dds.reset-password", "instance_id"): (
        "Instance ID; get it from the \"query instances and details\" API, or create an instance first."),
    ("huaweicloud.dds.reset-password", "body"): "Body of the ResetPasswordRequest.",
    ("huaweicloud.dds.reset-password", "user_pwd"): (
        "Database password: 8 to 32 characters, a combination of upper-case letters (A-Z), lower-case letters "
        "(a-z), digits (0-9) and special characters ~!@#%^*-_=+? (`&#x3D;` in the SDK text is `=`). A strong "
        "password is advised."),
    ("huaweicloud.dds.reset-password", "user_name"): (
        "Database user name, default `rwuser`: 1 to 64 characters, letters, digits, hyphen, underscore and dot."),
    ("huaweicloud.dds.reset-password", "db_name"): (
        "The database the user belongs to, default `admin`: 1 to 64 characters, letters, digits and underscore."),
    # UCloud UDB
    ("ucloud.udb.modify-instance-password", "ProjectId"): (
        "Project ID. Leave empty for the default project; sub-accounts must give it."),
    ("ucloud.udb.modify-instance-password", "Region"): "Region (see the region and zone list).",
    ("ucloud.udb.modify-instance-password", "DBId"): "ID of the instance, from DescribeUDBInstance.",
    ("ucloud.udb.modify-instance-password", "Password"): (
        "The instance's new password: 8 to 36 characters, letters, digits and @#$%^*-+=_,?!&()~.|, at least "
        "two kinds of characters. (Not base64: unlike URedis, neither the SDK nor its description encodes it.)"),
    ("ucloud.udb.modify-instance-password", "AccountName"): "SQL Server account; give it only for SQL Server.",
    ("ucloud.udb.modify-instance-password", "Zone"): "Availability zone (see the zone list).",
    # Tencent Redis
    ("tencentcloud.redis.modify-instance-password", "InstanceId"): (
        "Instance ID, e.g. crs-xjhsdj****; copy it from the instance list in the Redis console."),
    ("tencentcloud.redis.modify-instance-password", "OldPassword"): "The instance's old password.",
    ("tencentcloud.redis.modify-instance-password", "Password"): (
        "The instance's new password: 8 to 30 characters (12 or more advised); must not start with `/`; at "
        "least two of: lower-case a-z, upper-case A-Z, digits 0-9, special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/"),
    ("tencentcloud.redis.reset-password", "InstanceId"): (
        "Instance ID; copy it from the instance list in the Redis console."),
    ("tencentcloud.redis.reset-password", "Password"): (
        "The password to set. May be left out when switching to password-free access. 8 to 32 characters (12 or "
        "more advised); must not start with `/`; at least two of: lower-case a-z, upper-case A-Z, digits 0-9, "
        "special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/"),
    ("tencentcloud.redis.reset-password", "NoAuth"): (
        "Whether to switch to password-free access. false: switch to password access (default false); true: "
        "switch to password-free access."),
    ("tencentcloud.redis.reset-password", "EncryptPassword"): (
        "Whether the password is encrypted. false: not encrypted (default false); true: encrypted."),
    ("tencentcloud.redis.describe-task-info", "TaskId"): (
        "Task ID, from the TaskId sub-field of Tasks in DescribeTaskList's response."),
    # Tencent CDB
    ("tencentcloud.cdb.modify-account-password", "InstanceId"): (
        "Instance ID, like cdb-c1nl9rpv, the same as shown in the TencentDB console."),
    ("tencentcloud.cdb.modify-account-password", "NewPassword"): (
        "The database account's new password: at least two of letters, digits and the characters "
        "_+-&=!@#$%^*() (`&amp;` in the SDK text is `&`), 8 to 64 characters."),
    ("tencentcloud.cdb.modify-account-password", "Accounts"): "Database accounts; get them from DescribeAccounts.",
    ("tencentcloud.cdb.modify-account-password", "SkipValidatePassword"): "This field is deprecated.",
    ("tencentcloud.cdb.modify-account-password", "User"): "Account name.",
    ("tencentcloud.cdb.modify-account-password", "Host"): "The account's host.",
    ("tencentcloud.cdb.describe-async-request-info", "AsyncRequestId"): "Request ID of the async task.",
}


def tencent_params(cls):
    """[(name, description, type)] from a Tencent model's constructor docstring
    (descriptions may run over several lines)."""
    doc = cls.__init__.__doc__ or ""
    return [(n, d.strip(), t.strip()) for n, d, t in
            re.findall(r":param _(\w+): (.*?)\n\s*:type \1: ([^\n]*)", doc, re.S)]


def _aliyun_response_rows(package, api):
    models = importlib.import_module(package + ".models")
    cls = getattr(models, api + "ResponseBody")
    return aliyun_model_rows(cls)


def model_md_aliyun(op):
    package = op["sdk"][0]
    api = op["api"]
    models = importlib.import_module(package + ".models")
    cls = getattr(models, api + "Request")
    path = inspect.getsourcefile(cls)
    lines = ["# %s: the SDK's request model" % op["id"], "",
             "Read from `%s` in `%s` %s (class `%s`)." % (
                 os.path.relpath(path, os.path.dirname(os.path.dirname(os.path.dirname(path)))),
                 package, md.version(package), cls.__name__),
             "Wire names are the keys its `to_map()` uses, which are also the query parameter names; "
             "types are the constructor's annotations; \"required\" is read from the field's comment "
             "(\"This parameter is required\"): the SDK has no other required flag and its `validate()` checks "
             "nothing. Descriptions are the SDK's comments (\"(none)\": the field has no comment).",
             "",
             "| wire name | SDK attribute | type | required | description |",
             "|---|---|---|---|---|"]
    for wire, attr, typ, req, desc in aliyun_model_rows(cls):
        lines.append("| `%s` | `%s` | %s | %s | %s |" % (wire, attr, typ, req, md_escape(desc)))
    lines += ["", "## Response body (`%sResponseBody`)" % api, "",
              "| wire name | type | description |", "|---|---|---|"]
    for wire, attr, typ, req, desc in _aliyun_response_rows(package, api):
        lines.append("| `%s` | %s | %s |" % (wire, typ, md_escape(desc)))
    lines += ["", "Sent by the client (`%s/client.py`, `%s_with_options`): every non-null field goes into the "
              "query string, the body stays empty (`req_body_type='formData'` but no body is given); RPC style, "
              "`POST /`, version `%s`, ACS3-HMAC-SHA256 by default. Default hosts: "
              "`aliyun-%s-endpoints.json`." % (package, _snake(api), op["version"], op["product"])]
    return "\n".join(lines) + "\n"


def model_md_huawei(op):
    mod = importlib.import_module(op["module"])
    req_cls, body_cls = getattr(mod, op["req_name"]), getattr(mod, op["body_name"])
    pkg = op["sdk"][0]
    lines = ["# %s: the SDK's request model" % op["id"], "",
             "Read from `%s` and `%s` in `%s` %s." % (
                 os.path.relpath(inspect.getsourcefile(req_cls), os.path.dirname(os.path.dirname(
                     os.path.dirname(os.path.dirname(inspect.getsourcefile(req_cls)))))),
                 os.path.basename(inspect.getsourcefile(body_cls)), pkg, md.version(pkg)),
             "Types from `openapi_types`, wire names from `attribute_map`, descriptions from the constructor's "
             "docstring (Chinese in the SDK, verbatim; English gloss added). The SDK has no \"required\" flag; "
             "\"required\" here is read from how the generated constructor assigns the field (unconditionally = "
             "required, under `if x is not None` = optional).",
             ""]
    for cls, where in ((req_cls, "request: path, headers, body"), (body_cls, "JSON body")):
        docs = huawei_param_docs(cls)
        reqd = huawei_required(cls)
        lines += ["## `%s` (%s)" % (cls.__name__, where), "",
                  "| wire name | SDK attribute | type | required | description (SDK) | English |",
                  "|---|---|---|---|---|---|"]
        for attr, typ in cls.openapi_types.items():
            lines.append("| `%s` | `%s` | %s | %s | %s | %s |" % (
                cls.attribute_map[attr], attr, typ, "yes" if reqd[attr] else "no",
                md_escape(docs.get(attr)), md_escape(ENGLISH_NEW.get((op["id"], attr), ""))))
        lines.append("")
    resp_cls = getattr(mod, op["api"] + "Response")
    lines += ["## `%s` (response)" % resp_cls.__name__, "",
              "Fields: %s." % (", ".join("`%s` (%s)" % (resp_cls.attribute_map[a], t)
                                         for a, t in resp_cls.openapi_types.items()) or
                               "none (`openapi_types` is empty); the documented success body is `{}`"),
              "",
              "`project_id` is not a field of the model: the client fills `{project_id}` in `%s` from "
              "`BasicCredentials(ak, sk, project_id)`, and `BasicCredentials.sign_request` also adds it as the "
              "`X-Project-Id` header (signed). Method `%s`, `Content-Type: application/json` "
              "(`%s`, `_%s_http_info`)." % (op["resource_path"], op["method"], op["client_file"], op["sdk_method"])]
    return "\n".join(lines) + "\n"


def model_md_ucloud(op):
    svc = op["ucloud_service"]
    cmod = importlib.import_module("ucloud.services.%s.client" % svc)
    apis = importlib.import_module("ucloud.services.%s.schemas.apis" % svc)
    schema = getattr(apis, op["api"] + "RequestSchema")
    client_cls = [c for n, c in vars(cmod).items() if n.endswith("Client") and n != "Client"
                  and hasattr(c, op["sdk_method"])][0]
    doc = getattr(client_cls, op["sdk_method"]).__doc__
    docs = {n: d for n, _, d in re.findall(r"- \*\*(\w+)\*\* \((\w+)\) - ?(.*)", doc)}
    lines = ["# %s: the SDK's request model" % op["id"], "",
             "Read from `ucloud/services/%s/schemas/apis.py` (`%s`) and the docstring of `%s.%s` in "
             "`ucloud/services/%s/client.py`, `ucloud-sdk-python3` %s." % (
                 svc, schema.__name__, client_cls.__name__, op["sdk_method"], svc, md.version("ucloud-sdk-python3")),
             "Types and \"required\" from the schema's fields; descriptions from the docstring (Chinese in the SDK, "
             "verbatim; English gloss added). \"(Config)\" in the docstring means the client config fills it.",
             "",
             "| wire name | type | required | description (SDK) | English |",
             "|---|---|---|---|---|"]
    for name, field in schema.fields.items():
        lines.append("| `%s` | %s | %s | %s | %s |" % (
            field.dump_to or name, type(field).__name__, "yes" if field.required else "no",
            md_escape(docs.get(name, "")), md_escape(ENGLISH_NEW.get((op["id"], name), ""))))
    resp = getattr(apis, op["api"] + "ResponseSchema")
    lines += ["", "The response schema `%s` has %s; the documented answer is `{\"RetCode\": 0, \"Action\": "
              "\"%sResponse\"}`." % (resp.__name__, ("fields " + ", ".join("`%s`" % f for f in resp.fields))
                                     if resp.fields else "no fields", op["api"]),
              "",
              "The schema does not encode `Password`, and neither the docstring nor the schema asks for base64 "
              "(unlike URedis' ModifyURedisGroupPassword): the password goes as given. The client sends `POST` to "
              "the base URL with an `application/x-www-form-urlencoded` body holding every field plus `Action`, "
              "`PublicKey` and `Signature` (`ucloud/core/client/_client.py`)."]
    return "\n".join(lines) + "\n"


def model_md_tencent(op):
    module = op["module"]
    pkg = op["sdk"][0]
    models = importlib.import_module(module + ".models")
    cls = getattr(models, op["api"] + "Request")
    lines = ["# %s: the SDK's request model" % op["id"], "",
             "Read from `%s/models.py` (`%s`) in `%s` %s." % (
                 module.replace(".", "/"), cls.__name__, pkg, md.version(pkg)),
             "Names and types from the constructor's docstring (descriptions in Chinese in the SDK, verbatim; "
             "English gloss added). The Python model has no \"required\" flag (every field defaults to None and "
             "None fields are left out of the JSON body); %s" % op["required_note"],
             "",
             "| wire name | type | required | description (SDK) | English |",
             "|---|---|---|---|---|"]
    for name, desc, typ in tencent_params(cls):
        lines.append("| `%s` | %s | not stated by the SDK | %s | %s |" % (
            name, typ, md_escape(desc), md_escape(ENGLISH_NEW.get((op["id"], name), ""))))
    for sub in sorted(set((op.get("list_models") or {}).values())):
        scls = getattr(models, sub)
        lines += ["", "## `%s` (an item of the list)" % sub, "",
                  "| wire name | type | description (SDK) | English |", "|---|---|---|---|"]
        for name, desc, typ in tencent_params(scls):
            lines.append("| `%s` | %s | %s | %s |" % (
                name, typ, md_escape(desc), md_escape(ENGLISH_NEW.get((op["id"], name), ""))))
    rcls = getattr(models, op["api"] + "Response")
    lines += ["", "## `%s`" % rcls.__name__, "", "| wire name | type | description (SDK) |", "|---|---|---|"]
    for name, desc, typ in tencent_params(rcls):
        lines.append("| `%s` | %s | %s |" % (name, typ, md_escape(desc)))
    lines += ["", "The client (`%s.py`, `%s`) serializes the set fields in the model's attribute order and "
              "`json.dumps` them (default separators `, ` and `: `); `POST /` with TC3-HMAC-SHA256, "
              "`X-TC-Version: %s` (`tencentcloud/common/abstract_client.py`)." % (
                  op["client_module"], op["api"], op["version"])]
    return "\n".join(lines) + "\n"


def aliyun_op(op_id, api, product, package, version, fields, keyturn_fields, secret_fields, field_notes):
    return {
        "id": op_id, "api": api, "provider": "aliyun", "region": ALIYUN_REGION,
        "product": product, "version": version,
        "sdk": (package, "alibabacloud_tea_openapi",
                ["darabonba-core", "alibabacloud-credentials", "requests", "urllib3"]),
        "capture": aliyun_capture(package, api),
        "default_endpoint": aliyun_default(package),
        "model_md": model_md_aliyun,
        "fields": fields, "keyturn_fields": keyturn_fields, "keyturn_region_field": None,
        "secret_fields": secret_fields, "field_notes": field_notes,
    }


def tencent_op(op_id, api, module, client_module, client_name, version, answer, fields, keyturn_fields,
               secret_fields, field_notes, required_note, list_models=None, wire_notes=None):
    op = {
        "id": op_id, "api": api, "provider": "tencent", "region": TENCENT_REGION,
        "module": module, "client_module": client_module, "version": version, "list_models": list_models,
        "sdk": (TENCENT_PACKAGE_OF[module], "tencentcloud-sdk-python-common", ["requests", "urllib3"]),
        "capture": tencent_capture(module, client_module, client_name, api, answer, list_models),
        "default_endpoint": tencent_default(module, client_module, client_name),
        "model_md": model_md_tencent, "required_note": required_note,
        "fields": fields, "keyturn_fields": keyturn_fields, "keyturn_region_field": None,
        "secret_fields": secret_fields, "field_notes": field_notes,
    }
    if wire_notes:
        op["wire_notes"] = wire_notes
    return op


ALIYUN_SDK_ONLY_NOTES = {
    "OwnerAccount": "in the SDK model only; no comment there",
    "OwnerId": "in the SDK model only (an int, sent as its decimal string); no comment there",
    "ResourceOwnerAccount": "in the SDK model only; no comment there",
    "ResourceOwnerId": "in the SDK model only (an int, sent as its decimal string); no comment there",
    "SecurityToken": "in the SDK model only, as a query parameter; no comment there (an STS token; fake here)",
    "SourceBiz": "in the SDK model only; its comment: used only for internal maintenance, need not be given",
}


def _aliyun_notes(*names, **extra):
    out = {n: ALIYUN_SDK_ONLY_NOTES[n] for n in names}
    out.update(extra)
    return out


NEW_OPERATIONS = [
    aliyun_op(
        "aliyun.r-kvstore.modify-account-password", "ModifyAccountPassword", "r-kvstore",
        "alibabacloud_r_kvstore20150101", "2015-01-01",
        {
            "AccountName": "ktconformance",
            "InstanceId": "r-bp1ktconformance01",
            "NewAccountPassword": "Kv-Passw0rd!2026",
            "OldAccountPassword": "Kv-Passw0rd!2025",
            "OwnerAccount": "ktconformance-owner",
            "OwnerId": 1234567890123456,
            "ResourceOwnerAccount": "ktconformance-resource-owner",
            "ResourceOwnerId": 1234567890123456,
            "SecurityToken": "fake-conformance-sts-token",
            "SourceBiz": "ktconformance",
        },
        ["InstanceId", "AccountName", "OldAccountPassword", "NewAccountPassword"],
        ["OldAccountPassword", "NewAccountPassword"],
        _aliyun_notes("OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId", "SecurityToken",
                      "SourceBiz",
                      NewAccountPassword="8-32 characters, at least three of upper, lower, digits, specials "
                                         "!@#$%^&*()_+-= (the SDK comment's rule)"),
    ),
    aliyun_op(
        "aliyun.r-kvstore.reset-account-password", "ResetAccountPassword", "r-kvstore",
        "alibabacloud_r_kvstore20150101", "2015-01-01",
        {
            "AccountName": "ktconformance",
            "AccountPassword": "Kv-Reset0rd#2026",
            "InstanceId": "r-bp1ktconformance01",
            "OwnerAccount": "ktconformance-owner",
            "OwnerId": 1234567890123456,
            "ResourceOwnerAccount": "ktconformance-resource-owner",
            "ResourceOwnerId": 1234567890123456,
            "SecurityToken": "fake-conformance-sts-token",
            "SourceBiz": "ktconformance",
        },
        ["InstanceId", "AccountName", "AccountPassword"],
        ["AccountPassword"],
        _aliyun_notes("OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId", "SecurityToken",
                      "SourceBiz",
                      AccountPassword="8-32 characters, at least three of upper, lower, digits, specials "
                                      "!@#$%^&*()_+-= (the SDK comment's rule)"),
    ),
    aliyun_op(
        "aliyun.rds.reset-account-password", "ResetAccountPassword", "rds",
        "alibabacloud_rds20140815", "2014-08-15",
        {
            "AccountName": "ktconformance",
            "AccountPassword": "Rds_Passw0rd#2026",
            "DBInstanceId": "rm-bp1ktconformance01",
            "OwnerAccount": "ktconformance-owner",
            "OwnerId": 1234567890123456,
            "ResourceOwnerAccount": "ktconformance-resource-owner",
            "ResourceOwnerId": 1234567890123456,
        },
        ["DBInstanceId", "AccountName", "AccountPassword"],
        ["AccountPassword"],
        _aliyun_notes("OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId",
                      AccountPassword="8-32 characters, at least three of upper, lower, digits, specials "
                                      "!@#$&%^*()_+-= (the SDK comment's rule)",
                      DBInstanceId="wire name DBInstanceId; the SDK attribute is dbinstance_id"),
    ),
    aliyun_op(
        "aliyun.polardb.modify-account-password", "ModifyAccountPassword", "polardb",
        "alibabacloud_polardb20170801", "2017-08-01",
        {
            "AccountName": "ktconformance",
            "DBClusterId": "pc-bp1ktconformance01",
            "NewAccountPassword": "Polar-Passw0rd@2026",
            "OwnerAccount": "ktconformance-owner",
            "OwnerId": 1234567890123456,
            "PasswordType": "Tair",
            "ResourceOwnerAccount": "ktconformance-resource-owner",
            "ResourceOwnerId": 1234567890123456,
        },
        ["DBClusterId", "AccountName", "NewAccountPassword", "PasswordType"],
        ["NewAccountPassword"],
        _aliyun_notes("OwnerAccount", "OwnerId", "ResourceOwnerAccount", "ResourceOwnerId",
                      NewAccountPassword="8-32 characters, at least three of upper, lower, digits, specials "
                                         "! @ # $ % ^ & * ( ) _ + - = (the SDK comment's rule)",
                      PasswordType="optional; the SDK comment says only 'The password type.'; 'Tair' is the "
                                   "example value of Alibaba's API reference page for this API"),
    ),
    {
        "id": "huaweicloud.rds.reset-password",
        "api": "ResetPwd",
        "provider": "huawei",
        "region": HUAWEI_REGION,
        "module": "huaweicloudsdkrds.v3", "req_name": "ResetPwdRequest", "body_name": "PwdResetRequest",
        "sdk": ("huaweicloudsdkrds", "huaweicloudsdkcore", ["requests", "urllib3"]),
        "sdk_method": "reset_pwd", "method": "POST", "client_file": "huaweicloudsdkrds/v3/rds_client.py",
        "resource_path": "/v3/{project_id}/instances/{instance_id}/password",
        "capture": huawei_capture("huaweicloudsdkrds.v3", "RdsClient", "reset_pwd", "ResetPwdRequest",
                                  "PwdResetRequest", {"X-Language": "x_language"}),
        "default_endpoint": huawei_default("huaweicloudsdkrds.v3.region.rds_region", "RdsRegion"),
        "model_md": model_md_huawei,
        "fields": {
            "project_id": HUAWEI_PROJECT_ID,
            "instance_id": "dsfae23fsfdsae3435ktconfin01",
            "X-Language": "en-us",
            "db_user_pwd": "Rds~Passw0rd-2026",
        },
        "keyturn_fields": ["project_id", "instance_id", "db_user_pwd"],
        "keyturn_region_field": None,
        "secret_fields": ["db_user_pwd"],
        "field_notes": {
            "project_id": "the SDK takes it in BasicCredentials, fills the path from it and also sends it as the X-Project-Id header",
            "X-Language": "in the SDK model only: an optional request header (attribute x_language, described as 语言, language)",
            "db_user_pwd": "resets the root (administrator) password; 8-32 characters, three of upper, lower, digits, specials",
        },
    },
    {
        "id": "huaweicloud.dds.reset-password",
        "api": "ResetPassword",
        "provider": "huawei",
        "region": HUAWEI_REGION,
        "module": "huaweicloudsdkdds.v3", "req_name": "ResetPasswordRequest", "body_name": "ResetPasswordRequestBody",
        "sdk": ("huaweicloudsdkdds", "huaweicloudsdkcore", ["requests", "urllib3"]),
        "sdk_method": "reset_password", "method": "PUT", "client_file": "huaweicloudsdkdds/v3/dds_client.py",
        "resource_path": "/v3/{project_id}/instances/{instance_id}/reset-password",
        "capture": huawei_capture("huaweicloudsdkdds.v3", "DdsClient", "reset_password", "ResetPasswordRequest",
                                  "ResetPasswordRequestBody", {}),
        "default_endpoint": huawei_default("huaweicloudsdkdds.v3.region.dds_region", "DdsRegion"),
        "model_md": model_md_huawei,
        "fields": {
            "project_id": HUAWEI_PROJECT_ID,
            "instance_id": "cc6345c64cec47499182467ea0ktconfin02",
            "user_pwd": "Dds~Passw0rd-2026",
            "user_name": "rwuser",
            "db_name": "admin",
        },
        "keyturn_fields": ["project_id", "instance_id", "user_name", "user_pwd"],
        "keyturn_region_field": None,
        "secret_fields": ["user_pwd"],
        "field_notes": {
            "project_id": "the SDK takes it in BasicCredentials, fills the path from it and also sends it as the X-Project-Id header",
            "user_name": "optional, default rwuser",
            "db_name": "in the SDK model only: optional, the user's database, default admin. The SDK body model has no 'type' field",
            "user_pwd": "8-32 characters: upper, lower, digits and specials ~!@#%^*-_=+?",
        },
    },
    {
        "id": "ucloud.udb.modify-instance-password",
        "api": "ModifyUDBInstancePassword",
        "provider": "ucloud",
        "region": UCLOUD_REGION,
        "ucloud_service": "udb", "sdk_method": "modify_udb_instance_password",
        "sdk": ("ucloud-sdk-python3", "ucloud-sdk-python3", ["requests", "urllib3"]),
        "capture": ucloud_capture("udb", "modify_udb_instance_password", "ModifyUDBInstancePassword"),
        "default_endpoint": ucloud_default,
        "model_md": model_md_ucloud,
        "fields": {
            "Region": UCLOUD_REGION,
            "ProjectId": UCLOUD_PROJECT_ID,
            "Zone": "cn-bj2-04",
            "DBId": "udb-ktconf01",
            "Password": "Udb_Passw0rd-2026",
            "AccountName": "sa",
        },
        "keyturn_fields": ["Region", "Zone", "ProjectId", "DBId", "Password", "AccountName"],
        "keyturn_region_field": "Region",
        "secret_fields": ["Password"],
        "field_notes": {
            "Password": ("sent as given, NOT base64-encoded: the SDK does not encode it and, unlike URedis' "
                         "ModifyURedisGroupPassword, its description does not ask for base64"),
            "AccountName": "optional; only for SQL Server instances ('sa' here)",
            "Region": "the SDK takes it from the client config ('region')",
            "ProjectId": "the SDK takes it from the client config ('project_id')",
        },
    },
    tencent_op(
        "tencentcloud.redis.modify-instance-password", "ModifyInstancePassword", "tencentcloud.redis.v20180412",
        "redis_client", "RedisClient", "2018-04-12",
        tencent_body_answer({"TaskId": TENCENT_REDIS_TASK_ID}),
        {"InstanceId": "crs-ktconf01", "OldPassword": "Redis-Passw0rd2025", "Password": "Redis-Passw0rd2026"},
        ["InstanceId", "OldPassword", "Password"],
        ["OldPassword", "Password"],
        {"Password": "8-30 characters, must not start with '/', at least two of lower, upper, digits, specials"},
        "the API reference lists InstanceId, OldPassword and Password as required.",
    ),
    tencent_op(
        "tencentcloud.redis.reset-password", "ResetPassword", "tencentcloud.redis.v20180412",
        "redis_client", "RedisClient", "2018-04-12",
        tencent_body_answer({"TaskId": TENCENT_REDIS_TASK_ID}),
        {"InstanceId": "crs-ktconf01", "Password": "Redis_Reset0rd2026", "NoAuth": False, "EncryptPassword": False},
        ["InstanceId", "Password", "NoAuth"],
        ["Password"],
        {
            "NoAuth": "a JSON bool; false = keep (or switch to) password access; true switches the instance to "
                      "password-free access, and then Password may be left out",
            "EncryptPassword": "in the SDK model only here: a JSON bool, default false ('whether the password is encrypted')",
            "Password": "8-32 characters, must not start with '/', at least two of lower, upper, digits, specials",
        },
        "the API reference lists InstanceId as required, Password as required unless switching to "
        "password-free access, and NoAuth and EncryptPassword as optional.",
    ),
    dict(tencent_op(
        "tencentcloud.redis.describe-task-info", "DescribeTaskInfo", "tencentcloud.redis.v20180412",
        "redis_client", "RedisClient", "2018-04-12",
        tencent_body_answer({"Status": "succeed", "StartTime": "2026-01-01 08:00:01",
                             "TaskType": "重置密码", "InstanceId": "crs-ktconf01", "TaskMessage": ""}),
        {"TaskId": TENCENT_REDIS_TASK_ID},
        ["TaskId"],
        [],
        {"TaskId": "an int in the SDK model, sent as a JSON number: the TaskId that ModifyInstancePassword / ResetPassword return"},
        "the API reference lists TaskId as required.",
    ), task_call_of="tencentcloud.redis.modify-instance-password"),
    tencent_op(
        "tencentcloud.cdb.modify-account-password", "ModifyAccountPassword", "tencentcloud.cdb.v20170320",
        "cdb_client", "CdbClient", "2017-03-20",
        tencent_body_answer({"AsyncRequestId": TENCENT_CDB_ASYNC_ID}),
        {"InstanceId": "cdb-ktconf01", "NewPassword": "Cdb_Passw0rd-2026",
         "Accounts.0.User": "ktconformance", "Accounts.0.Host": "%", "SkipValidatePassword": False},
        ["InstanceId", "NewPassword", "Accounts.0.User", "Accounts.0.Host"],
        ["NewPassword"],
        {
            "Accounts.0.User": ("keyed as Accounts.<index>.<field>: the SDK's Accounts is a list of Account models "
                                "and goes on the wire as the JSON body member \"Accounts\": [{\"User\": ..., "
                                "\"Host\": ...}] (see wire_notes); this is Accounts[0].User"),
            "Accounts.0.Host": "Accounts[0].Host, the account's host ('%' = any host)",
            "SkipValidatePassword": "in the SDK model only: a JSON bool; the SDK describes it as deprecated (该字段已废弃)",
            "NewPassword": "8-64 characters, at least two of letters, digits, specials _+-&=!@#$%^*()",
        },
        "the API reference lists InstanceId, NewPassword and Accounts as required.",
        list_models={"Accounts": "Account"},
        wire_notes={"Accounts": "JSON body member \"Accounts\": [{\"User\": \"ktconformance\", \"Host\": \"%\"}] "
                                "(an array of objects, not flattened Accounts.0.User names; those are only the keys used in fields)"},
    ),
    dict(tencent_op(
        "tencentcloud.cdb.describe-async-request-info", "DescribeAsyncRequestInfo", "tencentcloud.cdb.v20170320",
        "cdb_client", "CdbClient", "2017-03-20",
        tencent_body_answer({"Status": "SUCCESS", "Info": "Modify account password success"}),
        {"AsyncRequestId": TENCENT_CDB_ASYNC_ID},
        ["AsyncRequestId"],
        [],
        {"AsyncRequestId": "a string: the AsyncRequestId that ModifyAccountPassword returns"},
        "the API reference lists AsyncRequestId as required.",
    ), task_call_of="tencentcloud.cdb.modify-account-password"),
]

OPERATIONS += NEW_OPERATIONS


def sdk_default_endpoint(op):
    """Where the SDK would send the call for this region with no override."""
    if "default_endpoint" in op:
        return op["default_endpoint"](op["region"])
    provider, region = op["provider"], op["region"]
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


def sdk_json(op):
    provider = op["provider"]
    pkg, core, others = op.get("sdk") or SDK_PACKAGES[provider]
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
    if "model_md" in op:
        return op["model_md"](op)
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

DTS_EXAMPLE_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "ap-southeast-1",
                       "ap-northeast-1", "cn-guangzhou", "cn-heyuan", "cn-nanjing", "eu-central-1",
                       "me-central-1", "ap-southeast-6"]
MORE_EXAMPLE_REGIONS = DTS_EXAMPLE_REGIONS + ["cn-qingdao", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
                                              "cn-chengdu", "cn-hongkong", "ap-southeast-3", "ap-southeast-5",
                                              "ap-south-1", "us-east-1", "us-west-1", "eu-west-1", "me-east-1",
                                              "cn-hangzhou-finance", "cn-shanghai-finance-1"]


def aliyun_endpoints(package="alibabacloud_dts20200101", product="dts", regions=DTS_EXAMPLE_REGIONS):
    Client = importlib.import_module(package + ".client").Client
    from alibabacloud_tea_openapi import utils_models
    client = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET,
                                        region_id=ALIYUN_REGION))
    table = dict(client._endpoint_map)
    rule = client._endpoint_rule
    examples = {}
    for region in regions:
        c = Client(utils_models.Config(access_key_id=KEY_ID, access_key_secret=KEY_SECRET, region_id=region))
        examples[region] = c._endpoint
    return {
        "source": {
            "package": package,
            "version": md.version(package),
            "file": package + "/client.py",
            "what": "Client.__init__: self._endpoint_rule and self._endpoint_map; hosts for regions not in the "
                    "map come from alibabacloud_tea_openapi.utils.Utils.get_endpoint_rules (alibabacloud_tea_openapi "
                    + md.version("alibabacloud_tea_openapi") + ")",
        },
        "endpoint_rule": rule,
        "fallback_pattern": product + ".{region}.aliyuncs.com",
        "fallback_note": ("A region missing from the map gets '<product><network>.<region_id>.aliyuncs.com' "
                          "(endpoint_rule 'regional', public network): " + product + ".{region}.aliyuncs.com. "
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


def _cli_text(value):
    """A field's value as `--param NAME=VALUE` gives it: text (JSON spelling
    for booleans and numbers)."""
    if isinstance(value, str):
        return value
    return json.dumps(value)


def inputs_json(op, fields, sdk_names, endpoint, pinned, variant):
    # UCloud's signature has no time (only the unsigned U-Timestamp-Ms header).
    signing_time = None if op["provider"] == "ucloud" else FIXED_TIME_RFC3339
    nonce = {"aliyun": ALIYUN_NONCE}.get(op["provider"])
    keyturn_params = {}
    for name in op["keyturn_fields"]:
        if name == op.get("keyturn_region_field") or name not in fields:
            continue
        keyturn_params[name] = _cli_text(op.get("keyturn_plain", {}).get(name, fields[name]))
    for name, value in op.get("keyturn_local_only", {}).items():
        keyturn_params[name] = value
    out = {
        "operation": op["id"],
        "api": op["api"],
        "variant": variant,
        "region": op["region"],
        "endpoint": "http://" + endpoint,
        "sdk_default_endpoint": sdk_default_endpoint(op),
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
        pkg = (op.get("sdk") or SDK_PACKAGES["tencent"])[0]
        out["extra_pinned"] = {"X-TC-TraceId": TENCENT_TRACE_ID,
                               "X-TC-RequestClient": tencent_request_client(pkg)}
        out["nonce_note"] = "TC3-HMAC-SHA256 has no nonce"
    if op["provider"] == "huawei":
        out["nonce_note"] = "SDK-HMAC-SHA256 has no nonce"
    if "task_call_of" in op:
        # Not an operation of the catalogue: the call that follows the task
        # of this one (its `TaskPoll`).
        out["task_call_of"] = op["task_call_of"]
    if "wire_notes" in op:
        out["wire_notes"] = op["wire_notes"]
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
                if op.get("check"):
                    op["check"](record, fields)
                write_json(os.path.join(where, "request.json"), request_fixture(record))
                write_json(os.path.join(where, "inputs.json"),
                           inputs_json(op, fields, sdk_names, server.base, pinned, variant))
                print("%-48s %-15s %s %s%s" % (op["id"], variant, record["method"], record["path"],
                                                 "?" + record["query"][:40] + "..." if record["query"] else ""))
            write_json(os.path.join(folder, "sdk.json"), sdk_json(op))
            write_text(os.path.join(folder, "sdk-model.md"), model_markdown(op))
        write_json(os.path.join(args.out, "aliyun-dts-endpoints.json"), aliyun_endpoints())
        for package, product in ALIYUN_NEW_PRODUCTS:
            write_json(os.path.join(args.out, "aliyun-%s-endpoints.json" % product),
                       aliyun_endpoints(package, product, MORE_EXAMPLE_REGIONS))
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

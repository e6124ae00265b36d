"""
Runs a standard Open311 client library, UNCHANGED, against a running 今日工作 server (issue #17):
Code for America's Python client `three` (github codeforamerica/three, 0.8.0) in JSON and in XML,
list and create. Nothing of the client is copied into this repository.

The client and what it imports are found on OPEN311_CLIENT_PATH (folders separated by ":"):
  - the source of `three` (the folder that holds three/__init__.py);
  - the source of `relaxml` 0.1.3 (github zachwill/relaxml), its XML parser;
  - `simplejson` and `requests`, and `lxml` (relaxml calls Element.getchildren(), which the
    standard library's ElementTree lost in Python 3.9: with lxml installed relaxml uses it).
On this machine (Debian 12): `apt-get install python3-lxml python3-simplejson python3-requests`,
then, with the server started from a build (PORT, DATA_DIR, SEED_DEMO=1 DEMO_LOGIN=1):

  OPEN311_CLIENT_PATH=/tmp/three:/tmp/relaxml BASE_URL=http://127.0.0.1:4730 \\
    /usr/bin/python3 server/bench/open311-client-check.py

The script itself uses `requests` only to set up: a demo admin's token, the county, and an API key
created through the admin API (POST /api/v1/admin/open311/keys). Everything else goes through
`three.Three`. It prints each step and ends with "N passed, N failed"; the exit code is non-zero when
a check failed.
"""

import os
import sys

for folder in reversed([p for p in os.environ.get("OPEN311_CLIENT_PATH", "").split(":") if p]):
    sys.path.insert(0, folder)

import requests  # noqa: E402
from three import Three  # noqa: E402

BASE = os.environ.get("BASE_URL", "http://127.0.0.1:4730").rstrip("/")
passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {name} {detail}".rstrip())
    else:
        failed += 1
        print(f"FAIL  {name} {detail}".rstrip())


def as_list(value):
    """relaxml gives one child as a dict and several as a list."""
    if value is None or value == {}:
        return []
    return value if isinstance(value, list) else [value]


def admin_token():
    login = requests.post(f"{BASE}/api/v1/auth/demo", json={"role": "admin"}, timeout=30)
    login.raise_for_status()
    return login.json()["accessToken"]


def approve(request_id):
    """An integrator's requests are held for moderation like any comment: the county's admin approves."""
    headers = {"authorization": f"Bearer {admin_token()}"}
    ticket = requests.get(f"{BASE}/api/v1/tickets/{request_id}", headers=headers, timeout=30).json()
    answer = requests.post(
        f"{BASE}/api/v1/tickets/{request_id}/moderate",
        json={"decision": "approve", "version": ticket["version"]},
        headers=headers,
        timeout=30,
    )
    print(f"setup: admin approves request {request_id} (HTTP {answer.status_code})")


def setup_key():
    token = admin_token()
    county = requests.get(f"{BASE}/api/v1/units", timeout=30).json()["unit"]
    created = requests.post(
        f"{BASE}/api/v1/admin/open311/keys",
        json={"name": "three 客户端检查", "jurisdictionUnitId": county["id"]},
        headers={"authorization": f"Bearer {token}"},
        timeout=30,
    )
    created.raise_for_status()
    key = created.json()
    print(f"setup: key {key['prefix']}… for jurisdiction_id={key['jurisdictionId']} ({county['name']})")
    return key


def run(fmt, key):
    client = Three(f"{BASE}/open311/v2/", format=fmt, api_key=key["apiKey"], jurisdiction=key["jurisdictionId"])
    print(f"--- three, format={fmt}, endpoint={client.endpoint}")

    discovery = client.discovery()
    endpoints = discovery["endpoints"] if fmt == "json" else as_list(discovery["endpoints"]["endpoint"])
    check(f"{fmt} discovery", len(endpoints) >= 1, f"({len(endpoints)} endpoint)")

    services = client.services()
    services = services if fmt == "json" else as_list(services["service"])
    check(f"{fmt} services list", client._request.status_code == 200 and len(services) > 0, f"({len(services)} services)")
    matter = next(s for s in services if s["service_code"] not in ("entry-comment", "official-comment"))
    code = matter["service_code"]

    definition = client.services(code)
    attributes = definition["attributes"] if fmt == "json" else as_list(definition["attributes"]["attribute"])
    values = attributes[0]["values"] if fmt == "json" else as_list(attributes[0]["values"]["value"])
    check(
        f"{fmt} service definition {code}",
        client._request.status_code == 200 and definition["service_code"] == code and len(attributes) >= 1,
        f"({len(attributes)} attribute '{attributes[0]['code']}', {len(values)} values)",
    )

    listed = client.requests()
    listed = listed if fmt == "json" else as_list(listed["request"])
    check(f"{fmt} requests list", client._request.status_code == 200 and len(listed) > 0, f"({len(listed)} requests)")
    listed_code = listed[0]["service_code"]
    by_code = client.requests(listed_code)
    by_code = by_code if fmt == "json" else as_list(by_code.get("request") if by_code else None)
    check(
        f"{fmt} requests list by service_code={listed_code}",
        client._request.status_code == 200
        and len(by_code) > 0
        and all(r["service_code"] == listed_code for r in by_code),
        f"({len(by_code)} requests)",
    )

    created = client.post(
        code,
        description=f"three 客户端（{fmt}）提交：路口的井盖松动了，车辆经过时响声很大",
        address="岚川县中心街与建设路路口",
        lat="35.0701",
        long="116.3125",
        name="Zach Williams",
        email="zach@example.org",
        phone="13800138000",
        device_id="three-check",
    )
    status = client.post_response.status_code
    created = created if fmt == "json" else as_list(created["request"])
    request_id = created[0]["service_request_id"] if created else None
    check(f"{fmt} create a request with api_key", status == 201 and bool(request_id), f"(HTTP {status}, id {request_id})")

    held = client.request(request_id)
    held = held if fmt == "json" else as_list(held["error"])
    check(
        f"{fmt} held for moderation: 404 with the spec's errors list",
        client._request.status_code == 404 and str(held[0]["code"]) == "404",
        f"({held[0]['description']})",
    )
    approve(request_id)

    fetched = client.request(request_id)
    fetched = fetched if fmt == "json" else as_list(fetched["request"])
    one = fetched[0] if fetched else {}
    check(
        f"{fmt} fetch it back",
        client._request.status_code == 200
        and one.get("service_request_id") == request_id
        and one.get("service_code") == code
        and one.get("address") == "岚川县中心街与建设路路口"
        and str(one.get("lat")) == "35.0701"
        and one.get("status") == "open",
        f"(status {one.get('status')}, agency {one.get('agency_responsible')})",
    )
    check(
        f"{fmt} the contact stays private",
        "zach@example.org" not in client._request.text and "13800138000" not in client._request.text,
    )

    bad = Three(f"{BASE}/open311/v2/", format=fmt, api_key="o311_" + "0" * 40)
    answer = bad.post(code, description="用一把不存在的钥匙提交的请求", lat="35.07", long="116.31")
    errors = answer if fmt == "json" else as_list(answer["error"])
    check(
        f"{fmt} a bad key is 403 with the spec's errors list",
        bad.post_response.status_code == 403 and str(errors[0]["code"]) == "403",
        f"({errors[0]['description']})",
    )


def main():
    key = setup_key()
    for fmt in ("json", "xml"):
        run(fmt, key)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

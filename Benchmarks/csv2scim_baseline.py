#!/usr/bin/env python3
"""The peer baseline: the same CSV -> BulkRequest conversion as `scimterm convert` with
examples/csv2scim-mapping.toml, written the way a script author would, in the Python 3 stdlib only.

Usage: csv2scim_baseline.py INPUT.csv > out.jsonl   (one BulkRequest of <= 50 operations per line)
"""
import csv
import json
import sys

CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest"


def user(row):
    data = {"schemas": [CORE, ENTERPRISE]}

    def put(key, column):
        value = row.get(column, "")
        if value != "":
            data[key] = value

    put("externalId", "WorkerID")
    put("userName", "UserID")
    put("displayName", "FullName")
    put("nickName", "UserID")
    put("userType", "WorkerType")
    put("title", "JobTitle")
    name = {k: row[c] for k, c in (("familyName", "LastName"), ("givenName", "FirstName")) if row.get(c)}
    if name:
        data["name"] = name
    data["active"] = row.get("WorkerStatus", "").strip().lower() == "active"
    address = {"type": "work"}
    for key, column in (("streetAddress", "StreetAddress"), ("locality", "City"),
                        ("postalCode", "ZipCode"), ("country", "CountryCode")):
        if row.get(column):
            address[key] = row[column]
    if len(address) > 1:
        data["addresses"] = [address]
    if row.get("OfficePhone"):
        data["phoneNumbers"] = [{"type": "work", "value": row["OfficePhone"]}]
    enterprise = {}
    for key, column in (("employeeNumber", "WorkerID"), ("costCenter", "CostCenter"), ("organization", "Company"),
                        ("division", "Division"), ("department", "Department")):
        if row.get(column):
            enterprise[key] = row[column]
    if row.get("ManagerID"):
        enterprise["manager"] = {"value": row["ManagerID"]}
    if enterprise:
        data[ENTERPRISE] = enterprise
    return data


def main(path):
    out = sys.stdout
    seen = set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    for start in range(0, len(rows), 50):
        operations = []
        for row in rows[start:start + 50]:
            data = user(row)
            bulk_id = data.get("externalId") or str(len(seen))
            seen.add(bulk_id)
            operations.append({"method": "POST", "bulkId": bulk_id, "path": "/Users", "data": data})
        document = {"schemas": [BULK], "Operations": operations, "failOnErrors": None}
        out.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])

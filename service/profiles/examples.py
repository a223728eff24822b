"""An example payload per payload kind: the ExorLive document's (fictional people), valid for every check.

What `make run`'s curls, the console's integration snippets and docs/bubble.md show; a request with one of
these passes the kind's validation (national id check included) as it is.
"""

from __future__ import annotations

from typing import Any

_SAMPLE_CONTACT = {
    "id": "2f3fb098",
    "birthdate": "1969-11-13",
    "ssn": "13116900216",
    "gender": "male",
    "firstname": "Baby",
    "middlename": "",
    "lastname": "Yoda",
    "mobile": "99900000",
    "email": "babyyoda@galaxy.com",
}
EXAMPLE_PAYLOADS: dict[str, dict[str, Any]] = {
    "exorlive-main": {
        "employeeId": "2f3fb098",
        "employeeUsername": "mando",
        "employeeFirstname": "Mando",
        "employeeLastname": "Lorian",
        "employeeEmail": "mando@tatooine.com",
        "organizationName": "Tatooine",
        "organizationId": "ace615c2",
        "contact": {**_SAMPLE_CONTACT, "diagnosis": "L02"},
    },
    "exorlive-go": {"organizationName": "Tatooine", "organizationId": "ace615c2", "contact": _SAMPLE_CONTACT},
    "generic": {"userId": "u-123"},
}

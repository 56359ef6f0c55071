"""A child process of the live store's tests (`python -m tests.live_child ...`), on the store its environment names:

    migrate                     open the store (applying the migrations) and print what it applied
    answer CODE FIRST COUNT     answer FINDING as tokens FIRST .. FIRST+COUNT-1, printing `ok N` after each answer()
                                returns (an acknowledged answer), then `done`
"""

from __future__ import annotations

import sys

from evidence.live import database, session
from tests.live_store import FINDING, VERDICTS, token


def main(argv: list[str]) -> None:
    if argv[0] == "migrate":
        print(",".join(database.store().applied) or "-", flush=True)
        return
    code, first, count = argv[1], int(argv[2]), int(argv[3])
    for n in range(first, first + count):
        session.answer(code, token(n), FINDING, VERDICTS[n % 3], f"comment {n}", VERDICTS)
        print(f"ok {n}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

"""A child process of the live store's tests (`python -m tests.live_child ...`), on the store its environment names:

    migrate GO                  print `ready`, wait for the file GO to exist (so that two children start at once),
                                open the store (applying the migrations) and print what it applied
    answer CODE FIRST COUNT     answer FINDING as tokens FIRST .. FIRST+COUNT-1, printing `ok N` after each answer()
                                returns (an acknowledged answer), then `done`
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from evidence.live import database, session
from tests.live_store import FINDING, VERDICTS, token


def main(argv: list[str]) -> None:
    if argv[0] == "migrate":
        print("ready", flush=True)
        while not Path(argv[1]).exists():
            time.sleep(0.005)
        print(",".join(database.store().applied) or "-", flush=True)
        return
    code, first, count = argv[1], int(argv[2]), int(argv[3])
    for n in range(first, first + count):
        session.answer(code, token(n), FINDING, VERDICTS[n % 3], f"comment {n}", VERDICTS)
        print(f"ok {n}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])

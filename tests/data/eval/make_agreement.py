"""Regenerate agreement.json: mutated exports and what the evaluation kit's reference scorer
prints for them. Needs the kit beside the checkout (../shared/eval/score.py); the tests only read
the result. Run from the repo root: python tests/data/eval/make_agreement.py /tmp/o/report.json"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
REF = HERE.parents[2].parent / "shared" / "eval" / "score.py"


def main() -> None:
    export = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    gold = HERE.parent / "gold" / "corpus.json"
    rnd = random.Random(11)
    cases = []
    for _ in range(12):
        d = {"claims": [{k: c[k] for k in ("id", "article", "kind", "value", "unit", "text")} for c in export["claims"] if rnd.random() > 0.15],
             "conflicts": [{"claims": k["claims"], "severity": k["severity"]} for k in export["conflicts"]]}
        ids = [c["id"] for c in d["claims"]]
        for k in d["conflicts"]:
            if rnd.random() < 0.3:
                k["severity"] = "soft" if k["severity"] == "hard" else "hard"
        for _ in range(rnd.randint(0, 4)):
            d["conflicts"].append({"claims": rnd.sample(ids, 2), "severity": rnd.choice(["hard", "soft"])})
        tmp = HERE / ".mut.json"
        tmp.write_text(json.dumps(d), encoding="utf-8")
        out = subprocess.run([sys.executable, str(REF), str(gold), str(tmp)], capture_output=True, text=True, check=True)
        tmp.unlink()
        cases.append({"export": d, "reference_line": out.stdout.strip().splitlines()[-1]})
    (HERE / "agreement.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

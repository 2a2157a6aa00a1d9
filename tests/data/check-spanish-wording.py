#!/usr/bin/env python3
"""check-spanish-wording.py [PO] [--self-test]

The house words of the Spanish interface (po/es.po, or PO): a message that speaks of
sponsors, the preview, articles or exporting says "patrocinador", "vista previa",
"artículo", "exportar" in Spanish; and the reader is addressed as "usted", never "tú".
With --self-test, also proves on made-up messages that each rule fails when broken.
"""

import os
import re
import subprocess
import sys
import unicodedata

# English word (start of) -> what its Spanish message must hold (accents ignored).
GLOSSARY = [
    (r"\bsponsor", "patrocin"),
    (r"\bpreview", "vista previa"),
    (r"\barticle", "articulo"),
    (r"\bexport", "export"),
]
# Forms that can only address the reader as "tú" (the imperatives such as "revisa" or
# "crea" are left out: they are also the third person, "el editor revisa").
TU_FORMS = re.compile(
    r"\b(tú|tu|tus|ti|contigo|puedes|tienes|debes|quieres|necesitas|estás|eres|has|"
    r"haz|pon)\b",
    re.IGNORECASE)


def plain(text):
    return "".join(c for c in unicodedata.normalize("NFD", text.lower())
                   if unicodedata.category(c) != "Mn")


def messages(po):
    out = subprocess.run(["msgattrib", "--no-wrap", "--no-obsolete", "--translated", po],
                         capture_output=True, text=True, check=True).stdout
    for entry in out.split("\n\n"):
        fields, current = {}, None
        for line in entry.splitlines():
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                current = m.group(1)
                fields[current] = m.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            yield fields["msgid"], " ".join(strs)


def problems(pairs):
    found = []
    for msgid, msgstr in pairs:
        # Command and option names stay English: "sponsors export: …", "--articles".
        command = re.compile(r"^[a-z]+(?: [a-z]+)?: |--[a-z-]+")
        english = command.sub("", msgid)
        spanish = plain(command.sub("", msgstr))
        for en, es in GLOSSARY:
            if re.search(en, english, re.IGNORECASE) and es not in spanish:
                found.append(f"“{msgid}”: the Spanish lacks “{es}”: “{msgstr}”")
        # "tu"/"tus" etc. only outside quoted example values and format directives.
        text = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|%\S+", "", msgstr.replace('\\"', '"'))
        m = TU_FORMS.search(text)
        if m:
            found.append(f"“{msgid}”: the Spanish says “{m.group(0)}” (use usted): “{msgstr}”")
    return found


def self_test():
    cases = [
        ("Sponsor", "Sponsor"),
        ("Show the preview", "Mostrar la previsualización"),
        ("New article", "Nueva nota"),
        ("Export the site", "Guardar el sitio"),
        ("You can choose a file", "Puedes elegir un archivo"),
        ("Your articles", "Tus artículos"),
    ]
    ok = True
    for msgid, msgstr in cases:
        refused = problems([(msgid, msgstr)])
        print(f"{'ok' if refused else 'not ok'}: self-test refuses “{msgstr}” for “{msgid}”")
        ok = ok and bool(refused)
    good = [("Sponsor", "Patrocinador"), ("Export it again", "Expórtela de nuevo"),
            ("Choose a file", "Elija un archivo"), ("--articles must be positive", "--articles debe ser positivo"),
            ("The value “tu”", "El valor «tu»"),
            ("sponsors export: give one CSV file", "sponsors export: indique un archivo CSV")]
    for msgid, msgstr in good:
        refused = problems([(msgid, msgstr)])
        print(f"{'not ok' if refused else 'ok'}: self-test accepts “{msgstr}” for “{msgid}”")
        ok = ok and not refused
    return ok


def main(argv):
    top = os.environ.get("PORTADA_SOURCE_ROOT", ".")
    args = [a for a in argv[1:] if not a.startswith("--")]
    po = args[0] if args else os.path.join(top, "po", "es.po")
    found = problems(list(messages(po)))
    for p in found:
        print(f"not ok: {p}")
    if not found:
        print(f"ok: {po} keeps the house words and says usted")
    ok = not found
    if "--self-test" in argv:
        ok = self_test() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""Security review of the package, as tests.

- No code runs from user data: no eval/exec, no pickle/marshal/shelve of what
  we read, no unsafe YAML, no shell. The subprocesses that exist are listed
  with the reason each is safe.
- No network at run time: the chain runs with every socket operation blocked.
- Rule and settings files are TOML read with the standard `tomllib`, which
  builds plain data only.
- The HTML report escapes every piece of document-derived text.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.api import Cleaner
from cleaner.cli import app
from cleaner.html_report import ReportDocument, render_report
from cleaner.settings import Settings
from conftest import REPO, SEEDS

PACKAGE = REPO / "cleaner"
MODULES = sorted(PACKAGE.rglob("*.py"))

# --- no code from data ----------------------------------------------------------------------------

# Calls that run code or rebuild objects from bytes: never on anything we read.
FORBIDDEN_CALLS = {
    "eval", "exec", "compile", "__import__", "breakpoint",
    "pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle.loads", "dill.loads", "cloudpickle.loads",
    "marshal.load", "marshal.loads", "shelve.open", "jsonpickle.decode",
    "yaml.load", "yaml.unsafe_load", "yaml.full_load", "yaml.load_all", "yaml.unsafe_load_all",
    "os.system", "os.popen", "os.execv", "os.execvp", "os.execl", "os.spawnl", "os.spawnv", "pty.spawn",
    "subprocess.getoutput", "subprocess.getstatusoutput", "importlib.import_module",
}
FORBIDDEN_IMPORTS = {"pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "jsonpickle", "yaml", "toml",
                     "ruamel", "socket", "urllib.request", "requests", "httpx", "http.client", "ftplib"}
# Every subprocess the package starts, and why it is safe. A new one must be reviewed and added here.
ALLOWED_SUBPROCESSES = {
    ("regex_probe.py", "slow_rules"): "runs sys.executable on a fixed code string; user patterns reach the child "
                                      "as JSON on stdin and are only compiled with `re`, never executed",
    ("gitcheck.py", "dirty_paths"): "runs `git status --porcelain -- PATH` as an argument list, no shell; the "
                                    "path is an argument after `--`, so it cannot become an option",
}
# The process pool (cleaner.engine) pickles our own job and result objects between our own
# processes; no pickle ever comes from, or goes to, a file or a document.


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else node.attr
    return ""


def _functions(module: ast.AST):
    """(function name, node) for every function, and ("<module>", module) for top-level code."""
    yield "<module>", module
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node


def _aliases(module: ast.AST) -> dict[str, str]:
    """Local names bound by imports: `from pickle import loads as l` -> {"l": "pickle.loads"}."""
    names = {}
    for node in ast.walk(module):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name] = alias.name
    return names


def _calls(module: ast.AST):
    aliases = _aliases(module)
    for node in ast.walk(module):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            head, _, rest = name.partition(".")
            yield node, (aliases.get(head, head) + ("." + rest if rest else "")) if name else ""


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_no_code_is_run_or_unpickled_from_data(path):
    module = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node, name in _calls(module):
        if name in FORBIDDEN_CALLS or (name.endswith(".load") and name.startswith("yaml")):
            found.append(f"line {node.lineno}: {name}()")
        if any(k.arg == "shell" and not (isinstance(k.value, ast.Constant) and k.value.value is False)
               for k in node.keywords):
            found.append(f"line {node.lineno}: {name}(shell=...)")
    for node in ast.walk(module):
        imported = ([a.name for a in node.names] if isinstance(node, ast.Import)
                    else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        for name in imported:
            if name in FORBIDDEN_IMPORTS or name.split(".")[0] in FORBIDDEN_IMPORTS - {"http", "urllib"}:
                found.append(f"line {node.lineno}: import {name}")
    assert found == []


def test_every_subprocess_is_reviewed_and_takes_an_argument_list():
    seen = set()
    for path in MODULES:
        module = ast.parse(path.read_text(encoding="utf-8"))
        for function, node in _functions(module):
            for call, name in _calls(node):
                if not name.startswith(("subprocess.", "asyncio.create_subprocess", "multiprocessing.Process")):
                    continue
                if name in ("subprocess.TimeoutExpired", "subprocess.CalledProcessError", "subprocess.PIPE"):
                    continue
                if function == "<module>" and (path.name, function) not in ALLOWED_SUBPROCESSES:
                    continue  # reported under its own function below
                key = (path.name, function)
                assert key in ALLOWED_SUBPROCESSES, f"{path.name}:{call.lineno} {function}(): {name} is not reviewed"
                command = call.args[0] if call.args else None
                assert isinstance(command, (ast.List, ast.Tuple)), \
                    f"{path.name}:{call.lineno}: the command must be an argument list, never a string"
                seen.add(key)
    assert seen == set(ALLOWED_SUBPROCESSES), "a reviewed subprocess is gone: update ALLOWED_SUBPROCESSES"


def test_the_regex_probe_child_only_compiles_and_matches():
    """The child program the probe runs is fixed text: user patterns are data to it."""
    from cleaner import regex_probe

    child = ast.parse(regex_probe._CHILD)
    names = {name for _, name in _calls(child)}
    assert names <= {"json.loads", "re.compile", "cleaner.regex_probe.hostile_strings", "regex.finditer",
                     "print"}, names


def test_rule_and_settings_files_are_read_with_tomllib_only():
    readers = {}
    for path in MODULES:
        for _, name in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            if name.endswith((".load", ".loads")) and name.split(".")[0] in ("tomllib", "toml", "tomli", "yaml",
                                                                              "ruamel", "configparser"):
                readers.setdefault(name, []).append(path.name)
    assert set(readers) <= {"tomllib.loads", "tomllib.load"}, readers
    assert readers, "no TOML reader found: has the rules loader moved?"


def test_a_rule_file_full_of_tricks_is_plain_data(tmp_path):
    """YAML-style tags, Python-looking strings and huge numbers stay strings and numbers."""
    from cleaner.errors import RuleFileError
    from cleaner.rules import load_rulebook

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mine.toml").write_text(
        "[[rule]]\n"
        'id = "mine.tricks"\nscope = "line"\n'
        "patterns = ['!!python/object/apply:os.system [\"touch pwned\"]']\n"
        'reason = "__import__(\'os\').system(\'touch pwned\')"\n'
        "max_words = 99999999999999999\n")
    rulebook = load_rulebook([folder], shipped=False)
    assert rulebook.rules[0].reason == "__import__('os').system('touch pwned')"
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()
    (folder / "mine.toml").write_text('[[rule]]\nid = "mine.x"\nscope = "line"\npatterns = 7\nreason = "r"\n')
    with pytest.raises(RuleFileError, match="patterns"):
        load_rulebook([folder], shipped=False)


# --- no network at run time -------------------------------------------------------------------------

BLOCK_NETWORK = """
import sys
BLOCKED = ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
           "socket.gethostbyname_ex", "socket.gethostbyaddr", "socket.getnameinfo", "socket.sendto",
           "socket.sendmsg", "urllib.Request", "http.client.connect", "ftplib.connect", "smtplib.connect")

def no_network(event, args):
    if event in BLOCKED:
        raise RuntimeError(f"network access at run time: {event} {args!r}")

sys.addaudithook(no_network)  # inherited by forked worker processes
import socket
try:  # the hook is live: a lookup fails before it leaves the process
    socket.getaddrinfo("example.org", 80)
    sys.exit("the audit hook did not block getaddrinfo")
except RuntimeError:
    pass
from cleaner.cli import main
sys.argv = ["cleaner", *sys.argv[1:]]
main()
"""
PAGE = ("<!DOCTYPE html><html><head><title>Council vote</title><link rel='stylesheet' href='https://example.org/a.css'>"
        "<script src='https://example.org/track.js'></script></head><body><nav>Home | News</nav><article>"
        "<h1>Council votes on budget</h1><img src='https://example.org/photo.jpg'><p>The council voted on Tuesday "
        "to approve the budget for next year, after a long debate about road repairs and the library.</p><p>Members "
        "said the vote was close and that the library would stay open on Sundays, see "
        "<a href='https://example.org/more'>more</a>.</p></article></body></html>")


def run_offline(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "no_proxy": "*", "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    return subprocess.run([sys.executable, "-c", BLOCK_NETWORK, *args], capture_output=True, text=True,
                          timeout=300, env=env)


def offline_corpus(src: Path, copies: int) -> None:
    src.mkdir(parents=True)
    (src / "page.html").write_text(PAGE)
    (src / "cp1252.txt").write_bytes("Skip to content\nThe mayor’s café reopened on Monday after the fire.\n"
                                     .encode("cp1252"))
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        shutil.copy(seeds[i % len(seeds)], src / f"seed{i:03}.txt")


def test_the_chain_runs_with_the_network_blocked(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    offline_corpus(src, 2)
    done = run_offline("clean", str(src), "--out", str(out), "-j", "1")
    assert done.returncode == 0, done.stderr
    assert "network access" not in done.stderr
    assert "The council voted on Tuesday" in (out / "page.txt").read_text()
    assert (out / "cp1252.txt").read_text() == "The mayor’s café reopened on Monday after the fire.\n"


@pytest.mark.slow
def test_the_worker_pool_and_the_report_run_with_the_network_blocked(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    offline_corpus(src, 70)  # enough for a pool of two workers (cleaner.engine.CHUNK * 2)
    done = run_offline("clean", str(src), "--out", str(out), "-j", "2")
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*.txt"))) == 72
    report = run_offline("report", str(src), "--out", str(out), "--html", str(tmp_path / "report.html"))
    assert report.returncode == 0, report.stderr
    assert "https://example.org" not in (tmp_path / "report.html").read_text().split("<main>")[0]


# --- the HTML report escapes document text ----------------------------------------------------------

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '"><svg onload=window.__pwned=3>',
    "</pre><iframe src=javascript:alert(4)></iframe>",
    "<!-- unclosed comment",
    "]]><style>body{display:none}</style>",
]
HOSTILE_TEXT = ("Skip to content\n"
                + "\n".join(f"Paragraph {i} of the story quotes the markup {p} in passing, as a reporter might."
                            for i, p in enumerate(PAYLOADS))
                + "\nShare this article\n")
HOSTILE_PAGE = ("<!DOCTYPE html><html><head><title>&lt;script&gt;window.__pwned=5&lt;/script&gt; headline</title>"
                "<meta name='author' content='&quot;&gt;&lt;img src=x onerror=window.__pwned=6&gt;'></head><body>"
                "<article><h1>&lt;b onmouseover=window.__pwned=7&gt;Headline&lt;/b&gt;</h1>"
                + "".join(f"<p>The council debated the text {p.replace('&', '&amp;').replace('<', '&lt;')} "
                          "for a long time before the vote on Tuesday evening.</p>" for p in PAYLOADS)
                + "</article></body></html>")


class Page(HTMLParser):
    """The elements, attributes and text a browser would build from the report."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)

    def handle_comment(self, data):
        self.tags.append("<!--")


def rules_with_hostile_reason(folder: Path) -> Path:
    folder.mkdir()
    (folder / "mine.toml").write_text(
        '[[rule]]\nid = "mine.hostile-reason"\nscope = "inline"\n'
        "patterns = ['quotes the markup']\n"
        "reason = '<img src=x onerror=\"window.__pwned=8\"> reason'\n"
        "kind = \"replace\"\nreplacement = '<script>window.__pwned=9</script>'\n")
    return folder


def test_the_html_report_escapes_every_piece_of_document_text(tmp_path):
    cleaner = Cleaner(Settings(rule_dirs=(rules_with_hostile_reason(tmp_path / "rules"),)))
    documents = []
    for name, text in (('"><img src=x onerror="window.__pwned=10">.txt', HOSTILE_TEXT),
                       ("<script>page</script>.html", HOSTILE_PAGE)):
        cleaned = cleaner.clean_bytes(text.encode("utf-8"), name, name)
        documents.append(ReportDocument(name, cleaned.decoded.text, cleaned.text, cleaned.record))
    assert any(e["rule"] == "mine.hostile-reason" for s in documents[0].record["steps"] for e in s["edits"])
    html = render_report(documents)
    page = Page()
    page.feed(html)
    page.close()
    benign = Page()
    benign.feed(render_report([ReportDocument("a.txt", "Plain text.\n", "Plain text.\n", documents[0].record)]))
    assert set(page.tags) <= set(benign.tags) | {"mark", "del", "ins"}, "markup from a document became an element"
    assert page.tags.count("script") == 1 and "<!--" not in page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    assert not [value for _, value in page.attributes if value and "javascript:" in value.lower()]
    assert all("__pwned" not in script for script in page.scripts)
    text = "".join(page.text)
    for payload in PAYLOADS + ["window.__pwned=5", "window.__pwned=8", "<script>window.__pwned=9</script>",
                               '"><img src=x onerror="window.__pwned=10">.txt']:
        assert payload in text, f"{payload!r} is not shown as text"
    assert "default-src 'none'" in html  # and the CSP would stop it anyway


def test_terminal_output_never_carries_markup_from_a_file_name(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "[bold red]x.txt").write_text("Skip to content\nThe council met on Tuesday to vote on the budget.\n")
    (src / "[link=https:example.org]y[red].txt").write_bytes(b"")
    result = CliRunner().invoke(app, ["clean", str(src), "--out", str(tmp_path / "out"), "-v"])
    assert result.exit_code == 2
    assert f"error: {src / '[link=https:example.org]y[red].txt'}: empty file" in result.stderr
    assert "[bold red]x.txt:0: strip-debris navigation.skip-link" in result.stderr


def test_the_diff_view_does_not_pass_terminal_escapes_from_documents(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Skip to content\nThe council met on Tuesday \x1b]0;pwned\x07 to vote on the "
                               "budget \x1b[2J for next year.\n")
    done = subprocess.run([shutil.which("cleaner", path=str(Path(sys.executable).parent)) or "cleaner", "diff",
                           str(src)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout


def test_records_are_plain_json_with_document_text_as_strings(tmp_path):
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text('{"__class__": "os.system", "py/object": "subprocess.Popen"}\nSkip to content\n'
                               "The council met on Tuesday to approve the budget.\n")
    assert CliRunner().invoke(app, ["clean", str(src), "--out", str(out)]).exit_code == 0
    record = json.loads((out / "a.cleaner.json").read_text())
    assert record["format"] == "cleaner-record"
    restored = CliRunner().invoke(app, ["restore", str(out / "a.txt")])
    assert restored.stdout_bytes == (src / "a.txt").read_bytes()

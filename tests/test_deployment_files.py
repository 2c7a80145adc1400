"""The Dockerfile, .dockerignore and docs/DEPLOYMENT.md keep their promises.

Docker is not needed: the files are read as text, line by line, the way Docker reads them
closely enough for these checks (continuation lines joined, comments dropped).
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import shlex
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
import uvicorn.config
import yaml
from streamlit import config as streamlit_config

from decision_aid.content import DEFAULT_CONTENT_DIR

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
DEPLOYMENT = ROOT / "docs" / "DEPLOYMENT.md"
PACKAGE = "decision_aid"


# --- reading the Dockerfile -----------------------------------------------------------------


@dataclass(frozen=True)
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY, ...
    args: str  # the rest, continuation lines joined
    workdir: str  # the working directory in force for this instruction


def parse_dockerfile(text: str) -> list[Instruction]:
    instructions: list[Instruction] = []
    workdir = "/"
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue  # Docker drops comment lines, also inside a continued instruction
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, rest = (pending + line).partition(" ")
        pending = ""
        instruction = Instruction(keyword.upper(), rest.strip(), workdir)
        if instruction.keyword == "WORKDIR":
            workdir = str(PurePosixPath(workdir) / instruction.args)
        instructions.append(instruction)
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


def words(args: str) -> list[str]:
    """The arguments of an instruction: JSON (exec) form or shell words."""
    if args.startswith("["):
        value = json.loads(args)
        assert isinstance(value, list)
        return [str(item) for item in value]
    return shlex.split(args)


def shell_commands(args: str) -> list[list[str]]:
    """The simple commands of a RUN line, split at &&, || and ;."""
    return [shlex.split(part) for part in re.split(r"&&|\|\||;", args) if part.strip()]


@pytest.fixture(scope="module")
def dockerfile() -> list[Instruction]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def only(instructions: list[Instruction], keyword: str) -> list[Instruction]:
    return [instruction for instruction in instructions if instruction.keyword == keyword]


def last(instructions: list[Instruction], keyword: str) -> Instruction:
    found = only(instructions, keyword)
    assert found, f"the Dockerfile has no {keyword}"
    return found[-1]


def env_vars(instructions: list[Instruction]) -> dict[str, str]:
    values: dict[str, str] = {}
    for instruction in only(instructions, "ENV"):
        tokens = shlex.split(instruction.args)
        if tokens and "=" not in tokens[0]:  # legacy form: ENV NAME value
            values[tokens[0]] = " ".join(tokens[1:])
            continue
        for token in tokens:
            name, _, value = token.partition("=")
            values[name] = value
    return values


def copies(instructions: list[Instruction]) -> dict[str, str]:
    """Each COPY source (as written, without ./ or a trailing /) and where it lands in the image."""
    landed: dict[str, str] = {}
    for instruction in only(instructions, "COPY"):
        tokens = [token for token in words(instruction.args) if not token.startswith("--")]
        *sources, destination = tokens
        target = PurePosixPath(instruction.workdir) / destination
        into_folder = destination.endswith("/") or destination == "." or len(sources) > 1
        for source in sources:
            name = str(PurePosixPath(source))  # drops "./" and a trailing "/"
            if (ROOT / name).is_dir():
                landed[name] = str(target)  # a folder's contents go into the destination
            else:
                landed[name] = str(target / PurePosixPath(name).name if into_folder else target)
    return landed


def cmd_words(instructions: list[Instruction]) -> list[str]:
    cmd = last(instructions, "CMD")
    assert cmd.args.startswith("["), (
        "CMD must use the JSON (exec) form, so that Streamlit itself gets the stop signal and shuts down cleanly"
    )
    return words(cmd.args)


def cmd_options(instructions: list[Instruction]) -> dict[str, str]:
    tokens = cmd_words(instructions)
    options: dict[str, str] = {}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.startswith("--"):
            if "=" in token:
                name, _, value = token.partition("=")
            else:
                name, value = token, tokens[index + 1]
                index += 1
            options[name] = value
        index += 1
    return options


def exposed_ports(instructions: list[Instruction]) -> set[int]:
    return {
        int(port.split("/")[0]) for instruction in only(instructions, "EXPOSE") for port in instruction.args.split()
    }


# --- reading .dockerignore ------------------------------------------------------------------


def _glob_to_regex(pattern: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return "".join(out)


def ignore_rules(text: str) -> list[tuple[bool, re.Pattern[str]]]:
    """(is an exception "!", pattern) per line, in order."""
    rules: list[tuple[bool, re.Pattern[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        exception = line.startswith("!")
        pattern = line.removeprefix("!").strip().removeprefix("./").strip("/")
        rules.append((exception, re.compile(_glob_to_regex(pattern))))
    return rules


def is_ignored(path: str, rules: list[tuple[bool, re.Pattern[str]]]) -> bool:
    """Docker's rule, simplified: a path is left out if it or a folder above it matches; the last match wins."""
    parts = path.split("/")
    candidates = ["/".join(parts[: count + 1]) for count in range(len(parts))]
    ignored = False
    for exception, regex in rules:
        if any(regex.fullmatch(candidate) for candidate in candidates):
            ignored = not exception
    return ignored


@pytest.fixture(scope="module")
def dockerignore() -> list[tuple[bool, re.Pattern[str]]]:
    return ignore_rules(DOCKERIGNORE.read_text(encoding="utf-8"))


# --- what the app needs at run time -------------------------------------------------------


def _top_level_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def runtime_needs(instructions: list[Instruction]) -> set[str]:
    """Top-level files and folders of the repository that the running app imports or reads."""
    script = cmd_words(instructions)[2]  # streamlit run <script>
    sources = [ROOT / script, *sorted((ROOT / PACKAGE).rglob("*.py"))]
    imported = set().union(*(_top_level_imports(path) for path in sources))
    local = {name for name in imported if (ROOT / name).is_dir() or (ROOT / f"{name}.py").is_file()}
    content = DEFAULT_CONTENT_DIR.resolve().relative_to(ROOT).parts[0]
    # Streamlit reads .streamlit/config.toml (the clinic settings) from the working directory.
    return {script, content, ".streamlit", *local}


# --- the Dockerfile -------------------------------------------------------------------------


def test_base_image_is_a_pinned_python_311_slim(dockerfile: list[Instruction]) -> None:
    stages = only(dockerfile, "FROM")
    image = words(stages[-1].args)[0]
    name, _, tag = image.partition("@")[0].partition(":")
    assert name == "python", image
    assert re.fullmatch(r"3\.11\.\d+-slim(-[a-z]+)?", tag), (
        f"pin the patch version of a slim image, e.g. python:3.11.14-slim-trixie, not {image!r}"
    )


def test_copies_everything_the_app_needs_where_the_app_looks(dockerfile: list[Instruction]) -> None:
    landed = copies(dockerfile)
    workdir = last(dockerfile, "CMD").workdir
    needs = runtime_needs(dockerfile)
    assert {"streamlit_app.py", "decision_aid", "content", ".streamlit"} <= needs
    missing = sorted(needs - landed.keys())
    assert not missing, f"the image lacks {missing}, which the app imports or reads at run time"
    misplaced = {name: landed[name] for name in needs if landed[name] != str(PurePosixPath(workdir) / name)}
    assert not misplaced, f"these land elsewhere than {workdir}/<name>, where the app looks: {misplaced}"


def test_every_copied_source_exists(dockerfile: list[Instruction]) -> None:
    missing = [name for name in copies(dockerfile) if not (ROOT / name).exists()]
    assert not missing, f"COPY names files that are not in the repository: {missing}"


def test_installs_the_app_requirements_only(dockerfile: list[Instruction]) -> None:
    dev = [instruction.args for instruction in dockerfile if "requirements-dev" in instruction.args]
    assert not dev, f"the image must not install the test tools: {dev}"
    installs = [
        index
        for index, instruction in enumerate(dockerfile)
        if instruction.keyword == "RUN"
        for command in shell_commands(instruction.args)
        if {"pip", "pip3"} & set(command)
        and "install" in command
        and "requirements.txt" in command
        and command[command.index("requirements.txt") - 1] in ("-r", "--requirement")
    ]
    assert installs, "no RUN installs requirements.txt with pip install -r"
    copied_at = [
        index
        for index, instruction in enumerate(dockerfile)
        if instruction.keyword == "COPY" and "requirements.txt" in words(instruction.args)[:-1]
    ]
    assert copied_at, "requirements.txt is never copied into the image"
    assert copied_at[0] < installs[0], "requirements.txt must be copied before it is installed"


def _ids(dockerfile: list[Instruction], command_name: str, option: str) -> dict[str, str]:
    """name -> numeric id from `useradd --uid N name` or `groupadd --gid N name`."""
    ids: dict[str, str] = {}
    for instruction in only(dockerfile, "RUN"):
        for command in shell_commands(instruction.args):
            if command and command[0] == command_name and option in command:
                ids[command[-1]] = command[command.index(option) + 1]
    return ids


def _numeric_user(spec: str, dockerfile: list[Instruction]) -> tuple[str, str | None]:
    users = _ids(dockerfile, "useradd", "--uid")
    groups = _ids(dockerfile, "groupadd", "--gid")
    user, _, group = spec.partition(":")
    return users.get(user, user), (groups.get(group, group) if group else None)


def test_runs_as_a_non_root_user_that_owns_the_data_folder(dockerfile: list[Instruction]) -> None:
    user_spec = last(dockerfile, "USER").args
    cmd_index = dockerfile.index(last(dockerfile, "CMD"))
    assert dockerfile.index(last(dockerfile, "USER")) < cmd_index, "USER must come before CMD"
    uid, gid = _numeric_user(user_spec, dockerfile)
    assert uid not in ("0", "root"), f"the app must not run as root (USER {user_spec})"
    # Kubernetes' runAsNonRoot cannot check a user name, only a number.
    assert user_spec.partition(":")[0].isdigit(), f"USER must be numeric (uid:gid), not {user_spec!r}"

    data_dir = env_vars(dockerfile)["DECISION_AID_DATA_DIR"]
    owners = [
        command[-2]
        for instruction in only(dockerfile, "RUN")
        for command in shell_commands(instruction.args)
        if command and command[0] == "chown" and command[-1].rstrip("/") == data_dir.rstrip("/")
    ]
    assert owners, f"nothing gives {data_dir} to the app's user: SQLite could not write there"
    owner_uid, owner_gid = _numeric_user(owners[-1], dockerfile)
    assert owner_uid == uid, f"{data_dir} belongs to {owners[-1]!r}, but the app runs as {user_spec!r}"
    if gid is not None and owner_gid is not None:
        assert owner_gid == gid, f"{data_dir} belongs to group {owner_gid}, the app runs with group {gid}"


def test_sqlite_data_folder_is_a_volume_prepared_before_it_is_declared(dockerfile: list[Instruction]) -> None:
    data_dir = env_vars(dockerfile).get("DECISION_AID_DATA_DIR")
    assert data_dir, "set DECISION_AID_DATA_DIR in the image"
    assert data_dir.startswith("/"), f"DECISION_AID_DATA_DIR must be an absolute path, not {data_dir!r}"
    volume = last(dockerfile, "VOLUME")
    assert data_dir in words(volume.args), f"VOLUME {volume.args} is not DECISION_AID_DATA_DIR={data_dir}"
    prepared = [
        index
        for index, instruction in enumerate(dockerfile)
        if instruction.keyword == "RUN" and data_dir in instruction.args and "chown" in instruction.args
    ]
    # Docker discards changes that a RUN makes inside a folder after VOLUME has declared it.
    assert prepared, f"no RUN creates and chowns {data_dir}"
    assert prepared[0] < dockerfile.index(volume), f"create and chown {data_dir} before VOLUME"


def test_cmd_serves_the_app_headless_on_all_interfaces_of_the_exposed_port(dockerfile: list[Instruction]) -> None:
    tokens = cmd_words(dockerfile)
    assert tokens[:2] == ["streamlit", "run"], tokens
    options = cmd_options(dockerfile)
    assert options.get("--server.address") == "0.0.0.0", "bind all interfaces, or nothing outside the container gets in"
    assert options.get("--server.headless") == "true"
    assert int(options["--server.port"]) in exposed_ports(dockerfile), "EXPOSE the port that CMD serves"


def test_healthcheck_asks_streamlit_health_with_python_on_the_served_port(dockerfile: list[Instruction]) -> None:
    form = re.fullmatch(r"(?:--\S+\s+)*CMD\s+(.+)", last(dockerfile, "HEALTHCHECK").args, flags=re.DOTALL)
    assert form, "HEALTHCHECK must run a command: HEALTHCHECK [options] CMD ..."
    command = words(form.group(1))
    assert PurePosixPath(command[0]).name in ("python", "python3"), (
        f"the slim image has no curl or wget; use Python, not {command[0]!r}"
    )
    code = command[command.index("-c") + 1]
    compile(code, "HEALTHCHECK", "exec")
    url = re.search(r"https?://[^'\"\s]+", code)
    assert url, "the health check names no URL"
    parts = urlsplit(url.group(0))
    assert parts.path == "/_stcore/health"
    assert parts.port == int(cmd_options(dockerfile)["--server.port"]), "the health check asks another port"


def test_no_secret_is_built_into_the_image(dockerfile: list[Instruction]) -> None:
    names = set(env_vars(dockerfile))
    names.update(words(instruction.args)[0].split("=")[0] for instruction in only(dockerfile, "ARG"))
    secret = sorted(
        name
        for name in names
        if name in ("STREAMLIT_SERVER_COOKIE_SECRET", "DECISION_AID_DATABASE_URL")
        or re.search("SECRET|PASSWORD|TOKEN", name)
    )
    assert not secret, f"pass these at run time, never in the image: {secret}"
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert "cookieSecret" not in settings.get("server", {}), (
        "config.toml is copied into the image: no cookieSecret there"
    )


# --- .dockerignore ---------------------------------------------------------------------------


def test_dockerignore_keeps_local_state_and_secrets_out(dockerignore: list[tuple[bool, re.Pattern[str]]]) -> None:
    for path in (
        ".venv/bin/python",
        "data/decision_aid.sqlite3",
        ".git/HEAD",
        "bench-results/latest.json",
        ".pytest_cache/README.md",
        ".hypothesis/examples/x",
        "decision_aid/__pycache__/cli.cpython-311.pyc",
        ".env",
        ".streamlit/secrets.toml",
    ):
        assert is_ignored(path, dockerignore), f".dockerignore lets {path} into the build context"


def test_dockerignore_keeps_every_file_the_image_copies(
    dockerfile: list[Instruction], dockerignore: list[tuple[bool, re.Pattern[str]]]
) -> None:
    files: list[str] = []
    for name in copies(dockerfile):
        path = ROOT / name
        found = sorted(path.rglob("*")) if path.is_dir() else [path]
        files.extend(
            file.relative_to(ROOT).as_posix()
            for file in found
            if file.is_file() and "__pycache__" not in file.parts and file.suffix != ".pyc"
        )
    assert any(file.endswith(".ttf") for file in files), "the PDF fonts are not among the copied files"
    assert any(file.endswith(".ini") for file in files), "alembic.ini is not among the copied files"
    dropped = [file for file in files if is_ignored(file, dockerignore)]
    assert not dropped, f".dockerignore leaves out files the app needs: {dropped[:10]}"


# --- docs/DEPLOYMENT.md ----------------------------------------------------------------------


def _package_strings() -> set[str]:
    """String constants in the app's code, without docstrings (a name only in prose reads nothing)."""
    strings: set[str] = set()
    for path in (ROOT / PACKAGE).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        strings.update(
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
        )
    return strings


def _why_unknown(name: str, app_strings: set[str], streamlit_vars: set[str]) -> str | None:
    if name.startswith("DECISION_AID_"):
        # The storage variables are read in decision_aid/storage/config.py.
        return None if name in app_strings else "not read by the app's code"
    if name.startswith("STREAMLIT_"):
        return None if name in streamlit_vars else "not a Streamlit option"
    # uvicorn is the web server that Streamlit runs; it reads a few variables of its own.
    return (
        None if f'"{name}"' in inspect.getsource(uvicorn.config) else "read neither by the app, Streamlit nor uvicorn"
    )


def _table_variables(text: str) -> list[str]:
    section = text.split("## Environment variables", 1)[1]
    return re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", section, flags=re.MULTILINE)


def test_environment_variables_in_the_guide_are_real() -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8")
    table = _table_variables(text)
    assert {"STREAMLIT_SERVER_COOKIE_SECRET", "DECISION_AID_DATABASE_URL", "FORWARDED_ALLOW_IPS"} <= set(table), table
    named_anywhere = set(re.findall(r"\b(?:STREAMLIT|DECISION_AID)_[A-Z][A-Z0-9_]*|\bFORWARDED_ALLOW_IPS\b", text))
    streamlit_vars = {option.env_var for option in streamlit_config.get_config_options().values()}
    app_strings = _package_strings()
    unknown = {
        name: reason
        for name in sorted(set(table) | named_anywhere)
        if (reason := _why_unknown(name, app_strings, streamlit_vars))
    }
    assert not unknown, f"docs/DEPLOYMENT.md names variables that nothing reads: {unknown}"


def test_streamlit_options_in_the_guide_are_real() -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8")
    options = set(streamlit_config.get_config_options())
    named = set(re.findall(r"`((?:server|client|browser|global|logger|runner|theme)\.[A-Za-z.]+)`", text))
    assert named, "the guide names no Streamlit option"
    assert not named - options, f"not Streamlit options: {sorted(named - options)}"


def _code_block(text: str, language: str) -> str:
    found = re.search(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)
    assert found, f"docs/DEPLOYMENT.md has no {language} example"
    return found.group(1)


def test_nginx_example_is_sticky_and_passes_websockets() -> None:
    example = _code_block(DEPLOYMENT.read_text(encoding="utf-8"), "nginx")
    lines = {" ".join(line.split("#")[0].split()).rstrip(";") for line in example.splitlines()}
    for needed in (
        "ip_hash",
        "proxy_http_version 1.1",
        "proxy_set_header Upgrade $http_upgrade",
        "proxy_set_header Connection $connection_upgrade",
        "proxy_set_header Host $http_host",
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for",
    ):
        assert needed in lines, f"the nginx example lacks `{needed};`"


def test_compose_example_replicas_share_a_secret_and_postgresql() -> None:
    compose = yaml.safe_load(_code_block(DEPLOYMENT.read_text(encoding="utf-8"), "yaml"))
    replicas = {
        name: service["environment"]
        for name, service in compose["services"].items()
        if "STREAMLIT_SERVER_COOKIE_SECRET" in service.get("environment", {})
    }
    assert len(replicas) >= 2, "the example should run at least two replicas"
    environments = list(replicas.values())
    assert all(environment == environments[0] for environment in environments), "replicas must be configured alike"
    assert environments[0]["STREAMLIT_SERVER_COOKIE_SECRET"].startswith("${"), (
        "the secret comes from .env, not the file"
    )
    assert environments[0]["DECISION_AID_DATABASE_URL"].startswith("postgresql://")
    assert "FORWARDED_ALLOW_IPS" in environments[0]

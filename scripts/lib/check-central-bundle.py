#!/usr/bin/env python3
"""Checks an unpacked Central Portal bundle the way Central validates a deployment, and says what it would refuse.

usage: check-central-bundle.py DIR VERSION --publish a,b,c --exclude x,y

For each artifactId in --publish: the POM, with name, description, url, a licence with name and url, a developer
and scm url (taken from the parent POM in the bundle when the module inherits them); for jar modules the jar
(with an Automatic-Module-Name), -sources.jar and -javadoc.jar; for every file an .asc that gpg verifies and .md5
and .sha1 files that match. No artifactId in --exclude may be in the bundle. Prints one line per problem and
a summary line; exits 1 when there is any problem.
"""
import argparse
import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://maven.apache.org/POM/4.0.0"}
MODULE_NAME = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


def text(pom, path):
    node = pom.find(path, NS)
    return node.text.strip() if node is not None and node.text and node.text.strip() else None


def metadata(pom, parent):
    """The effective value of each element Central requires: the module's own, or its parent's."""
    wanted = {
        "name": "m:name",
        "description": "m:description",
        "url": "m:url",
        "license name": "m:licenses/m:license/m:name",
        "license url": "m:licenses/m:license/m:url",
        "developer": "m:developers/m:developer/m:name",
        "scm url": "m:scm/m:url",
    }
    inherits_name = {"name", "description"}  # Maven inherits these too, but Central wants a module's own
    found = {}
    for label, path in wanted.items():
        value = text(pom, path)
        if value is None and parent is not None and label not in inherits_name:
            value = text(parent, path)
        found[label] = value
    return found


def digest(path, algorithm):
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check_file(path, problems):
    rel = os.path.basename(path)
    for ext, algorithm in ((".md5", "md5"), (".sha1", "sha1")):
        sums = path + ext
        if not os.path.isfile(sums):
            problems.append(f"{rel}: no {ext} checksum (Central refuses files without md5 and sha1)")
        elif open(sums).read().split()[0].strip().lower() != digest(path, algorithm):
            problems.append(f"{rel}: {ext} checksum does not match the file")
    signature = path + ".asc"
    if not os.path.isfile(signature):
        problems.append(f"{rel}: unsigned (no .asc; Central refuses unsigned files)")
        return
    verify = subprocess.run(["gpg", "--batch", "--verify", signature, path], capture_output=True, text=True)
    if verify.returncode != 0:
        problems.append(f"{rel}: the signature does not verify: {verify.stderr.strip().splitlines()[-1]}")


def check_module(root, group_path, artifact, version, parent_pom, problems):
    folder = os.path.join(root, group_path, artifact, version)
    base = os.path.join(folder, f"{artifact}-{version}")
    if not os.path.isfile(base + ".pom"):
        problems.append(f"{artifact}: not in the bundle (no {artifact}-{version}.pom)")
        return None
    pom = ET.parse(base + ".pom").getroot()
    for label, value in metadata(pom, parent_pom).items():
        if value is None:
            problems.append(f"{artifact}: the POM has no {label} (Central requires it)")
    files = [base + ".pom"]
    if (text(pom, "m:packaging") or "jar") == "jar":
        for suffix in ("", "-sources", "-javadoc"):
            jar = base + suffix + ".jar"
            if not os.path.isfile(jar):
                problems.append(f"{artifact}: no {os.path.basename(jar)} (Central requires the jar, sources and Javadoc)")
            else:
                files.append(jar)
        if os.path.isfile(base + ".jar"):
            with zipfile.ZipFile(base + ".jar") as jar:
                manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8")
            name = re.search(r"^Automatic-Module-Name: *(\S+)", manifest, re.M)
            if not name or not MODULE_NAME.match(name.group(1)):
                problems.append(f"{artifact}: the jar has no valid Automatic-Module-Name (set automatic.module.name)")
    for f in files:
        check_file(f, problems)
    return pom


def main():
    args = argparse.ArgumentParser()
    args.add_argument("root")
    args.add_argument("version")
    args.add_argument("--publish", required=True)
    args.add_argument("--exclude", default="")
    args.add_argument("--group", default="dev.jitelevate")
    opts = args.parse_args()
    group_path = opts.group.replace(".", "/")
    problems = []
    publish = [a for a in opts.publish.split(",") if a]
    parent_file = os.path.join(opts.root, group_path, publish[0], opts.version, f"{publish[0]}-{opts.version}.pom")
    parent = ET.parse(parent_file).getroot() if os.path.isfile(parent_file) else None
    for artifact in publish:
        check_module(opts.root, group_path, artifact, opts.version, None if artifact == publish[0] else parent, problems)
    for artifact in filter(None, opts.exclude.split(",")):
        if os.path.isdir(os.path.join(opts.root, group_path, artifact)):
            problems.append(f"{artifact}: in the bundle, but it is not a library (exclude it from publishing)")
    present = sorted(os.listdir(os.path.join(opts.root, group_path))) if os.path.isdir(os.path.join(opts.root, group_path)) else []
    for artifact in present:
        if artifact not in publish:
            problems.append(f"{artifact}: in the bundle but not expected; add it to --publish or exclude it")
    for p in problems:
        print(f"central would refuse: {p}")
    files = sum(len(fs) for _, _, fs in os.walk(opts.root))
    print(f"bundle check: {len(publish)} modules, {files} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""OAB against the tools a model team uses today, on the same bytes, in the same run.

Generates the workloads under bench/work/ (removed afterwards), runs each step several times,
alternating OAB and its peers (A B A B ...), and prints medians, ratios to the physical limits and
to the peers, and peak RSS. Writes bench/results/<date>.md (or --results) and the curves as
bench/results/<date>-scale.svg and <date>-count.svg.

  bench/bench.py                       # every workload, 3 runs each
  bench/bench.py --workloads large --runs 5
  bench/bench.py --quick               # small sizes, to check the harness itself

Workloads:
  large  four 1 GiB safetensors-shaped weight files plus code, cards and configs
  many   10,000 files from 1 KiB to 1 MiB
  scale  one weight file of 0.5, 1, 2, 4 and 8 GiB (the cost curve in bytes)
  count  2,500 to 40,000 files of 1 KiB to 64 KiB (the cost curve in files)
  entries  100,000 one-byte files: inspect time and mapping a 1 GiB stored entry
Peers:
  limits  cat to /dev/null (read), cat to a file (copy), openssl dgst -sha256 in two processes
  script  zip -0 -r + sha256sum + gpg --detach-sign; verify with sha256sum -c + gpg --verify
  maven   maven-assembly-plugin + maven-gpg-plugin against oab-maven-plugin (when --maven is given)
"""
import argparse
import datetime
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "bench", "work", "bench")
OAB = os.path.join(ROOT, "oab")
GIB = 1 << 30
MIB = 1 << 20


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=True, check=True, **kw)


def measure(cmd, env=None):
    """Wall seconds and peak RSS (MiB) of a shell command, via /usr/bin/time."""
    stats = os.path.join(WORK, "time.txt")
    full = "/usr/bin/time -f '%e %M' -o {} sh -c {}".format(stats, shlex_quote(cmd))
    start = time.monotonic()
    subprocess.run(full, shell=True, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.monotonic() - start
    with open(stats) as f:
        _, kib = f.read().split()[-2:]
    return wall, int(kib) / 1024


def shlex_quote(s):
    return "'" + s.replace("'", "'\"'\"'") + "'"


def write_random(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # openssl's AES-CTR stream is much faster than /dev/urandom and just as incompressible.
    sh("openssl enc -aes-128-ctr -pass pass:oab-bench -nosalt -pbkdf2 < /dev/zero 2>/dev/null | head -c {} > {}"
       .format(size, shlex_quote(path)))


def small_files(src):
    files = {
        "oab.yaml": 'name: bench\nversion: "1.0.0"\nproducer: OAB benchmarks\nlicense: Apache-2.0\n',
        "code/inference/run.py": "print('bench')\n",
        "code/training/train.py": "print('train')\n",
        "cards/MODEL_CARD.md": "---\nlicense: apache-2.0\n---\n# bench\n",
        "config/hyperparameters.json": '{"hyperparameters": {"lr": 0.1}}\n',
        "LICENSES/Apache-2.0.txt": open("/usr/share/common-licenses/Apache-2.0").read(),
    }
    for rel, text in files.items():
        path = os.path.join(src, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def make_large(src, shard_bytes):
    small_files(src)
    for i in range(4):
        write_random(os.path.join(src, "model", "model-0000{}-of-00004.safetensors".format(i + 1)), shard_bytes)


def make_many(src, count, max_bytes):
    small_files(src)
    rng = random.Random(20260101)
    block = os.urandom(max_bytes)
    for i in range(count):
        size = int(1024 * (max_bytes / 1024) ** rng.random())
        path = os.path.join(src, "data", "training", "shard-{:02d}".format(i % 100), "part-{:05d}.bin".format(i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(block[:size])


def data_files(src):
    out = []
    for dirpath, _, names in os.walk(src):
        for n in names:
            if n != "oab.yaml":
                out.append(os.path.join(dirpath, n))
    return sorted(out)


def total_bytes(src):
    return sum(os.path.getsize(f) for f in data_files(src))


class Keys:
    def __init__(self):
        self.dir = os.path.join(WORK, "keys")
        os.makedirs(self.dir, exist_ok=True)
        sh("{} keygen --curve p256 --out {}/producer > /dev/null".format(OAB, self.dir))
        self.private = os.path.join(self.dir, "producer.private.pem")
        self.public = os.path.join(self.dir, "producer.public.pem")
        self.gnupg = os.path.join(self.dir, "gnupg")
        os.makedirs(self.gnupg, mode=0o700)
        sh("GNUPGHOME={} gpg --batch --quiet --passphrase '' --quick-gen-key 'Bench <bench@oab.dev>' "
           "ed25519 sign never 2>/dev/null".format(self.gnupg))


ASSEMBLY_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.oab.bench</groupId><artifactId>{name}</artifactId><version>1.0.0</version>
  <packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-assembly-plugin</artifactId><version>3.7.1</version>
      <executions><execution><id>zip</id><phase>package</phase><goals><goal>single</goal></goals>
        <configuration><descriptors><descriptor>assembly.xml</descriptor></descriptors></configuration>
      </execution></executions></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-gpg-plugin</artifactId><version>3.2.7</version>
      <executions><execution><id>sign</id><phase>verify</phase><goals><goal>sign</goal></goals>
        <configuration><homedir>{gnupg}</homedir><useAgent>true</useAgent>
          <gpgArguments><arg>--pinentry-mode</arg><arg>loopback</arg></gpgArguments></configuration>
      </execution></executions></plugin>
  </plugins></build>
</project>
"""

ASSEMBLY_XML = """<assembly xmlns="http://maven.apache.org/ASSEMBLY/2.2.0">
  <id>model</id><formats><format>zip</format></formats><includeBaseDirectory>false</includeBaseDirectory>
  <fileSets><fileSet><directory>{src}</directory><outputDirectory>/</outputDirectory></fileSet></fileSets>
</assembly>
"""

OAB_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.oab.bench</groupId><artifactId>{name}</artifactId><version>1.0.0</version>
  <packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins>
    <plugin><groupId>dev.oab</groupId><artifactId>oab-maven-plugin</artifactId><version>{version}</version>
      <executions><execution><goals><goal>bundle</goal></goals>
        <configuration><sourceDirectory>{src}</sourceDirectory><signingKey>{key}</signingKey></configuration>
      </execution></executions></plugin>
  </plugins></build>
</project>
"""


def maven_projects(name, src, keys, out):
    """The same files released by maven-assembly-plugin + maven-gpg-plugin and by oab-maven-plugin."""
    import xml.etree.ElementTree as ET
    version = ET.parse(os.path.join(ROOT, "pom.xml")).getroot().find("{http://maven.apache.org/POM/4.0.0}version").text
    assembly = os.path.join(out, "mvn-assembly")
    oab = os.path.join(out, "mvn-oab")
    os.makedirs(assembly)
    os.makedirs(oab)
    with open(os.path.join(assembly, "pom.xml"), "w") as f:
        f.write(ASSEMBLY_POM.format(name=name, gnupg=keys.gnupg))
    with open(os.path.join(assembly, "assembly.xml"), "w") as f:
        f.write(ASSEMBLY_XML.format(src=src))
    with open(os.path.join(oab, "pom.xml"), "w") as f:
        f.write(OAB_POM.format(name=name, version=version, src=src, key=keys.private))
    return [
        ("maven", "mvn: oab-maven-plugin bundle + sign",
         "mvn -o -q -B -f {}/pom.xml package".format(oab)),
        ("maven", "mvn: maven-assembly-plugin + maven-gpg-plugin",
         "mvn -o -q -B -f {}/pom.xml verify".format(assembly)),
    ]


def steps(name, src, keys, out, maven=False, heap="64m"):
    """(group, label, command) for one workload; groups are alternated A B A B."""
    files = " ".join(shlex_quote(f) for f in data_files(src))
    listing = os.path.join(out, "files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(data_files(src)) + "\n")
    gpg = "GNUPGHOME={} gpg --batch --quiet --yes".format(keys.gnupg)
    oab_bundle = os.path.join(out, name + ".oab")
    zip_file = os.path.join(out, name + ".zip")
    sums = os.path.join(out, "SHA256SUMS")
    half = "split -n l/2 -d {} {}/half. && ".format(listing, out)
    return [
        ("limit", "read (cat > /dev/null)", "xargs -a {} cat > /dev/null".format(listing)),
        ("limit", "copy (cat > file)", "xargs -a {} cat > {}/copy.bin && rm {}/copy.bin".format(listing, out, out)),
        ("limit", "sha256, 2 openssl processes",
         half + "(xargs -a {0}/half.00 openssl dgst -sha256 > /dev/null & "
                "xargs -a {0}/half.01 openssl dgst -sha256 > /dev/null & wait)".format(out)),
        ("pack", "oab pack + sign",
         "OAB_JAVA_OPTS=-Xmx{} {} pack {} -o {} --sign-key {} --progress=none".format(heap, OAB, src, oab_bundle, keys.private)),
        ("pack", "zip -0 + sha256sum + gpg",
         "rm -f {z} && cd {s} && zip -q -0 -r {z} . && xargs -a {l} sha256sum > {m} && {g} --detach-sign {z}"
         .format(z=zip_file, s=src, l=listing, m=sums, g=gpg)),
        ("verify", "oab verify + signature",
         "OAB_JAVA_OPTS=-Xmx{} {} verify {} --key {} --progress=none".format(heap, OAB, oab_bundle, keys.public)),
        ("verify", "sha256sum -c + gpg --verify",
         "sha256sum --quiet -c {} && {} --verify {}.sig {} 2>/dev/null".format(sums, gpg, zip_file, zip_file)),
    ] + (maven_projects(name, src, keys, out) if maven else [])


def run_workload(name, src, keys, runs, results, maven=False, heap="64m"):
    out = os.path.join(WORK, "out-" + name)
    os.makedirs(out, exist_ok=True)
    size = total_bytes(src)
    sh("xargs -a /dev/null true")
    sh("cat {} > /dev/null".format(" ".join(shlex_quote(f) for f in data_files(src)[:1])))
    plan = steps(name, src, keys, out, maven, heap)
    # Warm the page cache and both pipelines once, untimed.
    sh("find {} -type f -exec cat {{}} + > /dev/null".format(src))
    for _, _, cmd in plan:
        sh(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timings = {label: [] for _, label, _ in plan}
    rss = {label: 0.0 for _, label, _ in plan}
    for _ in range(runs):
        for _, label, cmd in plan:  # plan order alternates oab and its peer within each group
            wall, peak = measure(cmd)
            timings[label].append(wall)
            rss[label] = max(rss[label], peak)
    results[name] = {"bytes": size, "files": len(data_files(src)), "median": {k: statistics.median(v) for k, v in timings.items()},
                     "rss": rss, "runs": runs}
    shutil.rmtree(out)


def ratio(a, b):
    return a / b if b else float("nan")


def report(results, extras):
    lines = ["# OAB benchmark, {}".format(datetime.date.today().isoformat()), "",
             "Machine: {} cores, {}. Medians of the runs given; every step ran on the same files, alternating "
             "OAB and its peer. OAB runs with -Xmx64m; the count curve with -Xmx256m, since verifying holds the "
             "manifest and the signed statement whole and so needs memory in proportion to the file count."
             .format(os.cpu_count(), platform_line()), ""]
    for name, r in results.items():
        m = r["median"]
        lines += ["## {} ({} files, {:.2f} GiB, {} runs)".format(name, r["files"], r["bytes"] / GIB, r["runs"]), "",
                  "| step | median s | GiB/s | peak RSS MiB |", "|---|---:|---:|---:|"]
        for label, t in m.items():
            lines.append("| {} | {:.2f} | {:.2f} | {:.0f} |".format(label, t, r["bytes"] / GIB / t, r["rss"][label]))
        limit_hash = m["sha256, 2 openssl processes"]
        limit_pack = max(m["copy (cat > file)"], limit_hash)
        lines += ["", "| ratio | value | target |", "|---|---:|---|",
                  "| oab verify / 2-process openssl | {:.2f} | ≤ 1.25 |".format(ratio(m["oab verify + signature"], limit_hash)),
                  "| oab pack+sign / max(copy, 2-process openssl) | {:.2f} | ≤ 1.3 |".format(ratio(m["oab pack + sign"], limit_pack)),
                  "| zip+sha256sum+gpg / oab pack+sign | {:.2f} | (peer, higher is better for OAB) |".format(
                      ratio(m["zip -0 + sha256sum + gpg"], m["oab pack + sign"])),
                  "| sha256sum -c + gpg --verify / oab verify | {:.2f} | ≥ 3 |".format(
                      ratio(m["sha256sum -c + gpg --verify"], m["oab verify + signature"]))]
        if "mvn: oab-maven-plugin bundle + sign" in m:
            lines.append("| maven-assembly + maven-gpg / oab-maven-plugin | {:.2f} | ≥ 3 |".format(
                ratio(m["mvn: maven-assembly-plugin + maven-gpg-plugin"], m["mvn: oab-maven-plugin bundle + sign"])))
        lines.append("")
    for line in extras:
        lines.append(line)
    return "\n".join(lines) + "\n"


def platform_line():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


def run_curve(kind, points, keys, runs, results, labels, title, x_label, x_format, unit, per, out_dir,
              heap="64m"):
    """Runs one workload per point (x, name, make(src)), plots the labels' medians against x as
    <out_dir>/<date>-<kind>.svg and returns the Markdown lines for it. Linear means a constant added
    time per added unit, so the table gives that slope from each point to the next."""
    curve = {label: [] for label in labels}
    for x, name, make in points:
        src = os.path.join(WORK, kind)
        make(src)
        run_workload(name, src, keys, runs, results, heap=heap)
        for label in curve:
            curve[label].append((x, results[name]["median"][label]))
        shutil.rmtree(src)
    os.makedirs(out_dir, exist_ok=True)
    svg = os.path.join(out_dir, "{}-{}.svg".format(datetime.date.today().isoformat(), kind))
    with open(svg, "w") as f:
        f.write(curve_svg(curve, title, x_label))
    lines = ["## {} curve".format(kind), "", "![{}]({})".format(title, os.path.basename(svg)), "",
             "| label | {} : seconds | added seconds per {}, point to point |".format(x_label, unit), "|---|---|---|"]
    for label, series in curve.items():
        slopes = ["{:.3f}".format(per * (y2 - y1) / (x2 - x1)) for (x1, y1), (x2, y2) in zip(series, series[1:])]
        points_text = ", ".join("{}: {:.2f}".format(x_format.format(x), y) for x, y in series)
        lines.append("| {} | {} | {} |".format(label, points_text, ", ".join(slopes)))
    return lines + [""]


def curve_svg(points, title, x_label):
    """points: label -> [(x, seconds)]; a plain SVG line chart of time against x."""
    w, h, pad = 640, 400, 60
    max_x = max(x for series in points.values() for x, _ in series)
    max_y = max(y for series in points.values() for _, y in series) * 1.1
    colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]
    px = lambda x: pad + (w - 2 * pad) * x / max_x
    py = lambda y: h - pad - (h - 2 * pad) * y / max_y
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" font-family="sans-serif" font-size="12">'.format(w, h),
             '<rect width="100%" height="100%" fill="white"/>',
             '<text x="{}" y="24" text-anchor="middle" font-size="15">{}</text>'.format(w / 2, title),
             '<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="black"/>'.format(pad, h - pad, w - pad),
             '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="black"/>'.format(pad, h - pad, pad),
             '<text x="{}" y="{}" text-anchor="middle">{}</text>'.format(w / 2, h - 15, x_label),
             '<text x="15" y="{}" transform="rotate(-90 15 {})" text-anchor="middle">seconds</text>'.format(h / 2, h / 2)]
    for i in range(5):
        x = max_x * i / 4
        y = max_y * i / 4
        parts.append('<text x="{:.0f}" y="{}" text-anchor="middle">{}</text>'.format(
            px(x), h - pad + 18, "{:.1f}".format(x) if max_x < 100 else "{:,.0f}".format(x)))
        parts.append('<text x="{}" y="{:.0f}" text-anchor="end">{:.1f}</text>'.format(pad - 6, py(y) + 4, y))
    for n, (label, series) in enumerate(points.items()):
        c = colours[n % len(colours)]
        path = " ".join("{:.1f},{:.1f}".format(px(x), py(y)) for x, y in series)
        parts.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(c, path))
        for x, y in series:
            parts.append('<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="{}"/>'.format(px(x), py(y), c))
        parts.append('<text x="{}" y="{}" fill="{}">{}</text>'.format(pad + 10, pad + 16 * n, c, label))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workloads", default="large,many,scale,count,entries")
    parser.add_argument("--scale-sizes", default="0.5,1,2,4,8")
    parser.add_argument("--count-sizes", default="2500,5000,10000,20000,40000")
    parser.add_argument("--results", help="where to write the Markdown results (default bench/results/<date>.md)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the harness")
    parser.add_argument("--maven", action="store_true",
                        help="also release the large workload with Maven: oab-maven-plugin against maven-assembly-plugin"
                             " + maven-gpg-plugin (installs the OAB plugin SNAPSHOT into ~/.m2 first)")
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK)
    sh("{} --version > /dev/null".format(OAB))
    if args.maven:
        sh("mvn -q -B -ntp -f {}/pom.xml -pl maven-plugin -am install -DskipTests -Dinvoker.skip".format(ROOT))
    keys = Keys()
    results, extras = {}, []
    wanted = args.workloads.split(",")
    try:
        if "large" in wanted:
            src = os.path.join(WORK, "large")
            make_large(src, 16 * MIB if args.quick else GIB)
            run_workload("large", src, keys, args.runs, results, args.maven)
            shutil.rmtree(src)
        if "many" in wanted:
            src = os.path.join(WORK, "many")
            make_many(src, 200 if args.quick else 10000, MIB)
            run_workload("many", src, keys, args.runs, results)
            shutil.rmtree(src)
        # A --quick run checks the harness: its plots stay in the work folder with everything else.
        curves_dir = WORK if args.quick else os.path.join(ROOT, "bench", "results")
        if "scale" in wanted:
            def scale_source(size):
                def make(src):
                    small_files(src)
                    write_random(os.path.join(src, "model", "model.safetensors"), size)
                return make
            sizes = [int((gib / 64 if args.quick else gib) * GIB) for gib in map(float, args.scale_sizes.split(","))]
            extras += run_curve("scale", [(size / GIB, "scale-{:.1f}GiB".format(size / GIB), scale_source(size))
                                          for size in sizes], keys, args.runs, results,
                                ["oab pack + sign", "oab verify + signature", "sha256, 2 openssl processes",
                                 "copy (cat > file)"],
                                "Time against bundle size (one weight file)", "bundle size (GiB)", "{:.2f}", "GiB", 1,
                                curves_dir)
        if "count" in wanted:
            counts = [max(10, int(c) // 100) if args.quick else int(c) for c in args.count_sizes.split(",")]
            extras += run_curve("count", [(n, "count-{}".format(n), lambda src, n=n: make_many(src, n, 64 * 1024))
                                          for n in counts], keys, args.runs, results,
                                ["oab pack + sign", "oab verify + signature", "zip -0 + sha256sum + gpg",
                                 "sha256sum -c + gpg --verify"],
                                "Time against file count (files of 1 KiB to 64 KiB)", "files", "{:,.0f}", "1,000 files",
                                1000, curves_dir, heap="256m")
        if "entries" in wanted:
            src = os.path.join(WORK, "entries")
            small_files(src)
            count = 2000 if args.quick else 100000
            for i in range(count):
                path = os.path.join(src, "data", "training", "d{:03d}".format(i % 1000), "f{:06d}".format(i))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(b"x")
            write_random(os.path.join(src, "model", "model.safetensors"), (16 * MIB) if args.quick else GIB)
            bundle = os.path.join(WORK, "entries.oab")
            sh("{} pack {} -o {} --progress=none > /dev/null".format(OAB, src, bundle))
            # A one-second command varies more from run to run than the multi-second ones: take more runs.
            inspect = [measure("{} inspect {} > /dev/null".format(OAB, bundle))[0] for _ in range(max(9, args.runs))]
            jar = sorted(f for f in os.listdir(os.path.join(ROOT, "reference-impl", "target")) if f.endswith("-cli.jar"))[0]
            timing = subprocess.run(["java", "-cp", os.path.join(ROOT, "reference-impl", "target", jar),
                                     os.path.join(ROOT, "bench", "MapTiming.java"), bundle, "model/model.safetensors"],
                                    check=True, capture_output=True, text=True).stdout.strip()
            extras += ["## entries ({} entries)".format(count + 6), "",
                       "| measure | value | target |", "|---|---:|---|",
                       "| oab inspect, whole command incl. JVM start (median of {} runs, min–max) | {:.2f} ({:.2f}–{:.2f}) "
                       "| < 1 s |".format(len(inspect), statistics.median(inspect), min(inspect), max(inspect)),
                       "| in-process open + map of a {} stored entry | {} | map < 10 ms |".format(
                           "16 MiB" if args.quick else "1 GiB", timing), ""]
            shutil.rmtree(src)
    finally:
        text = report(results, extras)
        print(text)
        if not args.quick:
            path = args.results or os.path.join(ROOT, "bench", "results", datetime.date.today().isoformat() + ".md")
            with open(path, "w") as f:
                f.write(text)
        shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

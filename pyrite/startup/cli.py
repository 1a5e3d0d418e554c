"""`pyrite startup record|run|launcher|bench|install|uninstall|info`: command-line front end of the start-up archive."""
import argparse
import sys

from pyrite.startup import hook

USAGE = """pyrite startup record -o APP.pyra [--check none|stat|hash] [--no-images] -- python app.py [args]
       pyrite startup run APP.pyra [--check none|stat|hash] -- python app.py [args]
       pyrite startup launcher APP.pyra -o RUN-APP [--check none|stat|hash]   (then: ./RUN-APP python app.py)
       pyrite startup bench [--runs N] [--archive APP.pyra] [--via pth|shim] -- python app.py [args]
       pyrite startup install [--user | --site-dir DIR]
       pyrite startup uninstall [--user | --site-dir DIR]
       pyrite startup info APP.pyra"""


def split_command(argv):
    """(options, command): the command is everything after the first `--`."""
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def parser():
    p = argparse.ArgumentParser(prog="pyrite startup", description="usage: " + USAGE,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="action", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("-o", "--output", required=True)
    rec.add_argument("--check", choices=hook.CHECK_MODES, default="stat")
    rec.add_argument("--no-images", action="store_true",
                     help="store marshal data only (no pre-laid-out heap images of code objects)")
    run = sub.add_parser("run")
    run.add_argument("archive")
    run.add_argument("--check", choices=hook.CHECK_MODES)
    launcher = sub.add_parser("launcher", help="write a shell script that runs a command with the archive "
                                               "enabled (no Python start of its own)")
    launcher.add_argument("archive")
    launcher.add_argument("-o", "--output", required=True)
    launcher.add_argument("--check", choices=hook.CHECK_MODES)
    bench = sub.add_parser("bench")
    bench.add_argument("--runs", type=int, default=20)
    bench.add_argument("--archive")
    bench.add_argument("--check", choices=hook.CHECK_MODES)
    bench.add_argument("--via", choices=("pth", "shim"), default="pth")
    for name in ("install", "uninstall"):
        s = sub.add_parser(name)
        s.add_argument("--user", action="store_true")
        s.add_argument("--site-dir")
    info = sub.add_parser("info")
    info.add_argument("archive")
    return p


def main(argv):
    options, command = split_command(list(argv))
    args = parser().parse_args(options)
    if args.action in ("record", "run", "bench") and not command:
        sys.stderr.write("pyrite startup %s: give the command after `--`\n" % args.action)
        return 2
    return ACTIONS[args.action](args, command)


def do_record(args, command):
    from pyrite.startup.launch import record
    return record(command, args.output, args.check, images=not args.no_images)


def do_run(args, command):
    from pyrite.startup.launch import run
    return run(args.archive, command, args.check)


def do_bench(args, command):
    from pyrite.startup.bench import bench_command
    return bench_command(command, args.runs, args.archive, args.check, args.via)


def do_install(args, command):
    from pyrite.startup.install import default_site_dir, install
    print("pyrite startup: hook written to %s" % install(args.site_dir or default_site_dir(args.user)))
    print("enable an archive with: export %s=/path/to/app.pyra" % hook.ENV_ARCHIVE)
    return 0


def do_uninstall(args, command):
    from pyrite.startup.install import default_site_dir, uninstall
    removed = uninstall(args.site_dir or default_site_dir(args.user))
    print("pyrite startup: %s" % ("removed " + removed if removed else "no hook was installed"))
    return 0


def do_info(args, command):
    try:
        archive = hook.Archive(args.archive)
    except (OSError, hook.ArchiveError) as exc:
        print("pyrite startup: %s is not usable here: %s" % (args.archive, exc))
        return 1
    size = sum(rec[1] for rec in archive.modules.values())
    patterns = 0
    if archive.regex is not None:
        patterns = sum(len(table) for table in archive.regex_tables().values())
    images = [rec[10] for rec in archive.modules.values() if rec[10] is not None]
    print("%s: %d modules, %d bytes of code, %d search directories, %d regex patterns, default check=%s"
          % (args.archive, len(archive.modules), size, len(archive.dirs), patterns, archive.check))
    print("heap images: %d of %d modules, %d bytes%s"
          % (len(images), len(archive.modules), sum(image[1] for image in images),
             "" if archive.image_helper is None else ", helper " + archive.image_helper[0]))
    return 0


def do_launcher(args, command):
    from pyrite.startup.launch import write_launcher
    print("pyrite startup: wrote %s (run: %s python app.py ...)" % (write_launcher(args.archive, args.output,
                                                                             args.check), args.output))
    return 0


ACTIONS = {"launcher": do_launcher, "record": do_record, "run": do_run, "bench": do_bench, "install": do_install,
           "uninstall": do_uninstall, "info": do_info}

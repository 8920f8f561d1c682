"""scripts/backup and scripts/restore (docs/deploy.md). The full round trip of the demo site runs in
.ci/run (scripts/ci-backup-check); these tests pin the scripts' promises on a small database: what is
restored, what is refused and with which exit status, and that a failed restore changes nothing."""

import os
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run(script, *args, database_url, media_root, private_root=None):
    private_root = private_root or Path(media_root).with_name(Path(media_root).name + "-cv")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "PRIVATE_MEDIA_ROOT": str(private_root),
    }
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    return subprocess.run(
        [str(ROOT / "scripts" / script), *map(str, args)], env=env, capture_output=True, text=True, timeout=120
    )


def test_restore_refuses_a_database_that_is_not_postgresql(tmp_path):
    archive = tmp_path / "metnum.tar"
    archive.write_bytes(b"")

    result = run("restore", archive, database_url="sqlite:///var/metnum.sqlite3", media_root=tmp_path / "media")

    assert result.returncode == 2
    assert "ne désigne pas une base PostgreSQL" in result.stderr


def test_restore_refuses_a_missing_archive(tmp_path):
    result = run("restore", tmp_path / "absente.tar", database_url="postgres://x@127.0.0.1/x", media_root=tmp_path)

    assert result.returncode == 2
    assert "n'existe pas ou n'est pas lisible" in result.stderr


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_dump et pg_restore demandent PostgreSQL (DATABASE_URL=postgres://…)"
)


@pytest.fixture
def databases():
    """Two empty databases beside the test database, dropped afterwards: (admin cursor, url of each)."""
    import psycopg

    db = connection.settings_dict
    user, host, port = db["USER"] or "postgres", db["HOST"] or "127.0.0.1", db["PORT"] or "5432"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    server = f"postgres://{user}{password}@{host}:{port}"
    names = [f"{db['NAME']}_sauvegarde", f"{db['NAME']}_restauration"]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield [f"{server}/{name}" for name in names]
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sql(url, statement):
    import psycopg

    with psycopg.connect(url, autocommit=True) as database:
        cursor = database.execute(statement)
        return cursor.fetchall() if cursor.description else None


@postgresql_only
def test_backup_then_restore_gives_back_the_database_and_the_media(databases, tmp_path):
    source, target = databases
    sql(source, "CREATE EXTENSION IF NOT EXISTS unaccent")
    sql(source, "CREATE TABLE offre (id int PRIMARY KEY, intitule text); INSERT INTO offre VALUES (1, 'Développeuse')")
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "logo.png").write_bytes(b"\x89PNG image")
    private = tmp_path / "private"
    (private / "cv").mkdir(parents=True)
    (private / "cv" / "a1b2.pdf").write_bytes(b"%PDF-1.4 CV")

    backup = run("backup", tmp_path / "sauvegardes", database_url=source, media_root=media, private_root=private)
    assert backup.returncode == 0, backup.stderr
    (archive,) = (tmp_path / "sauvegardes").glob("metnum-*.tar")
    with tarfile.open(archive) as members:
        assert {"INFOS", "base.dump", "media/original_images/logo.png", "private/cv/a1b2.pdf"} <= set(
            members.getnames()
        )

    restored_media, restored_private = tmp_path / "media-restauree", tmp_path / "private-restauree"
    restore = run("restore", archive, database_url=target, media_root=restored_media, private_root=restored_private)

    assert restore.returncode == 0, restore.stderr
    assert sql(target, "SELECT id, unaccent(intitule) FROM offre") == [(1, "Developpeuse")]
    assert (restored_media / "original_images" / "logo.png").read_bytes() == b"\x89PNG image"
    assert (restored_private / "cv" / "a1b2.pdf").read_bytes() == b"%PDF-1.4 CV"

    refused = run("restore", archive, database_url=target, media_root=restored_media)
    assert refused.returncode == 3
    assert "n'est pas vide" in refused.stderr and "--force" in refused.stderr

    sql(target, "INSERT INTO offre VALUES (2, 'Ajoutée après la sauvegarde'); CREATE TABLE autre (x int)")
    forced = run("restore", "--force", archive, database_url=target, media_root=restored_media)
    assert forced.returncode == 0, forced.stderr
    assert sql(target, "SELECT id FROM offre") == [(1,)]
    assert sql(target, "SELECT to_regclass('autre')") == [(None,)]
    assert len(list(tmp_path.glob("media-restauree.avant-restauration-*"))) == 1


@postgresql_only
def test_a_restore_that_fails_half_way_leaves_the_database_as_it_was(databases, tmp_path):
    source, target = databases
    sql(source, "CREATE TABLE offre (id int); INSERT INTO offre SELECT generate_series(1, 50000)")
    assert run("backup", tmp_path, database_url=source, media_root=tmp_path / "media").returncode == 0
    (archive,) = tmp_path.glob("metnum-*.tar")
    with tarfile.open(archive) as members:
        dump = members.extractfile("base.dump").read()
    truncated = tmp_path / "tronquee" / "base.dump"
    truncated.parent.mkdir()
    truncated.write_bytes(dump[: len(dump) // 2])
    broken = tmp_path / "cassee.tar"
    with tarfile.open(broken, "w") as members:
        members.add(truncated, arcname="base.dump")
    sql(target, "CREATE TABLE existante (x int); INSERT INTO existante VALUES (7)")

    result = run("restore", "--force", broken, database_url=target, media_root=tmp_path / "media")

    assert result.returncode == 1
    assert "elle est restée telle qu'elle était" in result.stderr
    assert sql(target, "SELECT x FROM existante") == [(7,)]
    assert sql(target, "SELECT to_regclass('offre')") == [(None,)]

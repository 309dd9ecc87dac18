"""A staging site whose certificate its own authority signed: refused by name without
--ca-bundle, audited with it, and the public authorities still trusted.

trustme (a test dependency) makes the authority and the server's certificate; the server
answers on 127.0.0.1 only.
"""

from __future__ import annotations

import json
import ssl

import pytest
import trustme
from click.testing import CliRunner

from a11y_audit import fetch as fetching
from a11y_audit import transport
from a11y_audit.cli import main
from a11y_audit.fetch import FetchError, FetchLimits, fetch
from tests.loopback import QuietHandler, serving

PAGE = (b'<!doctype html><html lang="en"><head><title>Staging story</title></head>'
        b"<body><main><h1>Staging story</h1><p>Text.</p></main></body></html>")


@pytest.fixture(scope="module")
def authority():
    return trustme.CA()


@pytest.fixture(scope="module")
def server(authority):
    class Handler(QuietHandler):
        def do_GET(self):
            if self.path == "/robots.txt":
                self.answer(200, b"User-agent: *\nAllow: /\n", "text/plain")
            else:
                self.answer(200, PAGE)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    with serving(Handler, tls=context) as httpd:
        yield f"https://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def bundle(authority, tmp_path_factory):
    path = tmp_path_factory.mktemp("ca") / "staging-ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(autouse=True)
def _fresh_robots():
    fetching.clear_robots_cache()


def test_an_unknown_authority_is_named_with_the_way_out(server):
    url = f"{server}/story"
    with pytest.raises(FetchError) as info:
        fetch(url, FetchLimits(deadline=5))
    assert str(info.value) == (f"{url}: TLS certificate not trusted (unable to get local issuer "
                               f"certificate); a site signed by its own certificate authority "
                               f"needs --ca-bundle")


def test_its_bundle_makes_the_site_trusted(server, bundle):
    got = fetch(f"{server}/story", FetchLimits(deadline=5, ca_bundle=str(bundle)))
    assert got.body == PAGE


def test_the_public_authorities_stay_trusted_beside_the_bundle(bundle):
    public = transport.ssl_context().cert_store_stats()["x509_ca"]
    assert public > 10
    assert transport.ssl_context(str(bundle)).cert_store_stats()["x509_ca"] == public + 1


def _check(tmp_path, *args):
    return CliRunner().invoke(main, ["check", *args, "-j", "1", "-o", str(tmp_path / "out"),
                                     "-f", "json"], catch_exceptions=False)


def test_the_command_audits_the_site_with_its_bundle(server, bundle, tmp_path):
    result = _check(tmp_path, f"{server}/story", "--ca-bundle", str(bundle))
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "out" / "a11y-report.json").read_text())
    assert [page["source"] for page in report["pages"]] == [f"{server}/story"]
    assert report["errors"] == []


def test_without_it_the_page_is_a_one_line_error(server, tmp_path):
    result = _check(tmp_path, f"{server}/story")
    assert result.exit_code == 2
    assert (f"a11y-audit: error: {server}/story: TLS certificate not trusted" in result.output)


def test_the_configuration_names_it_relative_to_its_file(server, bundle, tmp_path, monkeypatch):
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "ca.pem").write_bytes(bundle.read_bytes())
    (tmp_path / ".a11y-audit.toml").write_text('ca-bundle = "certs/ca.pem"\n')
    monkeypatch.chdir(tmp_path)
    shown = json.loads(CliRunner().invoke(main, ["check", "--print-config"]).output)
    assert shown["ca-bundle"] == str(tmp_path / "certs" / "ca.pem")
    assert _check(tmp_path, f"{server}/story").exit_code in (0, 1)


@pytest.mark.parametrize(("content", "says"), [
    (None, "No such file or directory"),
    (b"not a certificate\n", "no PEM certificate in it"),
])
def test_a_bundle_that_cannot_be_used_is_a_usage_error(tmp_path, content, says):
    path = tmp_path / "ca.pem"
    if content is not None:
        path.write_bytes(content)
    result = CliRunner().invoke(main, ["check", "page.html", "--ca-bundle", str(path)])
    assert result.exit_code == 2
    assert f"--ca-bundle (ca-bundle): {path}: {says}" in result.output

"""What an embedded frame is, from its URL: video players, podcasts, social posts, maps, polls
and ads (knowledge only; no Page). Hosts are matched on the URL's host and path, so
``https://www.youtube-nocookie.com/embed/x`` is a YouTube player and a link to youtube.com is
not a frame at all."""

from __future__ import annotations

from urllib.parse import urlsplit

# kind -> (label, host suffixes, path prefixes that must match when given; "" = any path)
_KINDS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("video", "YouTube", ("youtube.com", "youtube-nocookie.com"), ("/embed",)),
    ("video", "Vimeo", ("player.vimeo.com",), ("",)),
    ("video", "Brightcove", ("players.brightcove.net",), ("",)),
    ("video", "JW Player", ("jwplayer.com", "jwplatform.com", "jwpcdn.com"), ("",)),
    ("video", "Dailymotion", ("dailymotion.com", "dai.ly"), ("/embed", "/player")),
    ("video", "Dailymotion", ("geo.dailymotion.com",), ("",)),
    ("video", "Facebook video", ("facebook.com",), ("/plugins/video",)),
    ("podcast", "Spotify", ("open.spotify.com",), ("/embed/episode", "/embed/show",
                                                   "/embed-podcast")),
    ("podcast", "Apple Podcasts", ("embed.podcasts.apple.com",), ("",)),
    ("podcast", "SoundCloud", ("w.soundcloud.com",), ("/player",)),
    ("podcast", "Megaphone", ("megaphone.fm",), ("",)),
    ("podcast", "Omny", ("omny.fm",), ("",)),
    ("podcast", "Simplecast", ("simplecast.com",), ("",)),
    ("podcast", "Libsyn", ("libsyn.com",), ("",)),
    ("podcast", "Buzzsprout", ("buzzsprout.com",), ("",)),
    ("podcast", "Acast", ("embed.acast.com", "player.acast.com"), ("",)),
    ("podcast", "Art19", ("art19.com",), ("",)),
    ("podcast", "Podbean", ("podbean.com",), ("/player", "/media/player")),
    ("podcast", "Audioboom", ("audioboom.com",), ("",)),
    ("social", "X/Twitter", ("platform.twitter.com", "twitter.com", "x.com"), ("",)),
    ("social", "Instagram", ("instagram.com",), ("",)),
    ("social", "Facebook", ("facebook.com",), ("/plugins",)),
    ("social", "TikTok", ("tiktok.com",), ("/embed",)),
    ("map", "Google Maps", ("google.com", "maps.google.com"), ("/maps",)),
    ("map", "OpenStreetMap", ("openstreetmap.org",), ("",)),
    ("map", "Mapbox", ("mapbox.com",), ("",)),
    ("poll", "Crowdsignal", ("polldaddy.com", "crowdsignal.net", "crowdsignal.com"), ("",)),
    ("poll", "Opinary", ("opinary.com",), ("",)),
    ("poll", "Apester", ("apester.com",), ("",)),
    ("poll", "Riddle", ("riddle.com",), ("",)),
    ("poll", "Typeform", ("typeform.com",), ("",)),
    ("ad", "ad server", ("doubleclick.net", "googlesyndication.com", "adnxs.com",
                         "amazon-adsystem.com", "taboola.com", "outbrain.com",
                         "criteo.com", "adsafeprotected.com"), ("",)),
)


def classify(url: str | None) -> tuple[str, str] | None:
    """(kind, provider) for a frame URL, e.g. ("video", "YouTube"); None when unknown."""
    if not url:
        return None
    value = url.strip()
    if value.startswith("//"):
        value = "https:" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    path = parts.path.lower()
    if not host:
        return None
    for kind, label, hosts, paths in _KINDS:
        if any(host == h or host.endswith("." + h) for h in hosts) and any(
            path.startswith(p) for p in paths
        ):
            return kind, label
    return None

"""Strava's activities.csv read leniently: names, notes and types by file name."""

from __future__ import annotations

from st_desktop.services.bulk_exports import ExportMeta, meta_for, strava_metadata


def test_rows_are_found_by_the_files_path_or_name_and_types_mapped() -> None:
    data = (
        "\ufeffActivity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
        "Distance,Filename,Distance\n"
        '1,"Nov 1, 2026",Lunch loop,Virtual Ride,"Zwift, Watopia",30.1,activities/1.fit.gz,30100\n'
        "2,,Untitled,Pickleball,,0,activities/2.tcx.gz,0\n"
        "3,,No file,Run,,5,,5000\n"
    ).encode()
    metadata = strava_metadata(data)
    assert set(metadata) == {"activities/1.fit.gz", "activities/2.tcx.gz"}
    assert meta_for(metadata, "activities/1.fit.gz") == ExportMeta(
        "Lunch loop", "Zwift, Watopia", "Cycling: Indoor"
    )
    assert meta_for(metadata, "1.fit.gz") == metadata["activities/1.fit.gz"]  # folder moved
    assert meta_for(metadata, "ACTIVITIES/2.TCX.GZ") == ExportMeta("Untitled", None, None)
    assert meta_for(metadata, "activities/9.fit.gz") is None


def test_a_csv_that_is_not_strava_s_gives_nothing() -> None:
    assert strava_metadata(b"Name,Type\nfoo,bar\n") == {}
    assert strava_metadata(b"") == {}
    assert strava_metadata(b"\xff\xfe\x00garbage") == {}

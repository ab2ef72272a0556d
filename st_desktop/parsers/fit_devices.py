"""The name of the device that recorded a FIT file, as its owner knows it.

A FIT file names its maker and model by number (``manufacturer`` and ``product``), and sometimes
by text (``product_name``). The numbers become names through the FIT profile's tables in
:mod:`st_desktop.parsers.fit_products`; a number the profile does not know is still shown, so two
files from the same unknown device read alike.
"""

from __future__ import annotations

from st_desktop.parsers.fit_products import GARMIN_PRODUCT_MAKERS, GARMIN_PRODUCTS, MANUFACTURERS

#: ``manufacturer`` of apps and devices without an id of their own: only their text name counts.
DEVELOPMENT = 255


def _model_number(product: int | None) -> str:
    # Apps such as Zwift write product 0: a number that tells the user nothing.
    return f" (model {product})" if product else ""


def _starts_with_maker(model: str, maker: str) -> bool:
    model, maker = model.casefold(), maker.casefold()
    return model == maker or model.startswith(maker + " ")


def device_name(
    manufacturer: int | None, product: int | None, product_name: str | None
) -> str | None:
    """The device's display name from a FIT ``file_id`` (or ``device_info``) message.

    Args:
        manufacturer: the ``manufacturer`` id, None when the file has none.
        product: the ``product`` id, None when the file has none.
        product_name: the file's own ``product_name`` text, if any.

    Returns:
        "Garmin Forerunner 945"; "COROS PACE 2" (a name that already starts with its maker's
        is not prefixed again); "Wahoo (model 31)" for a model the profile does not list;
        "Device 4321 (model 12)" for an unknown maker; the bare ``product_name`` of a
        ``development`` device; None when the file says nothing about its device.
    """
    name = (product_name or "").strip() or None
    if manufacturer == DEVELOPMENT and name:
        return name
    maker = MANUFACTURERS.get(manufacturer) if manufacturer is not None else None
    model = name
    if model is None and product is not None and manufacturer in GARMIN_PRODUCT_MAKERS:
        model = GARMIN_PRODUCTS.get(product)
    if maker is None:
        if model is not None:
            return model
        return None if manufacturer is None else f"Device {manufacturer}{_model_number(product)}"
    if model is None:
        return maker + _model_number(product)
    return model if _starts_with_maker(model, maker) else f"{maker} {model}"

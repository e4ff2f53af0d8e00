"""UK phone numbers: check them, show them the UK way, and link them for one-tap calling."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "GB"
RELAY_PREFIX = "18001"  # Relay UK: a textphone user dials 18001 before the number.


@dataclass(frozen=True)
class Phone:
    display: str  # how a reader sees it: 020 7332 1224, 116 123
    uri: str  # what a tap dials: tel:+442073321224, tel:116123


class PhoneError(ValueError):
    pass


def _spaced(raw: str) -> str:
    return " ".join(raw.split())


@lru_cache(maxsize=16384)  # checking a service's data and building its page both parse its number
def parse_phone(raw: str) -> Phone:
    """A full UK number (national format, tel: in E.164) or a UK short code (999, 111, 116 123)."""
    text = _spaced(str(raw))
    if not re.fullmatch(r"\+?[0-9 ]+", text):
        raise PhoneError("not a phone number: use only digits and spaces")
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        raise PhoneError("not a phone number") from None
    if phonenumbers.is_valid_number(number) and phonenumbers.region_code_for_number(number) == REGION:
        # Shown as its owner writes it (0808 2000 247, not 0808 200 0247): carers compare it with the provider's
        # own page and leaflets. Only a number written without spaces, or from abroad, is spaced the usual way.
        written = text.startswith("0") and " " in text
        return Phone(
            display=text if written else phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
            uri="tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        )
    digits = text.replace(" ", "")
    if not digits.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return Phone(display=text, uri="tel:" + digits)
    raise PhoneError("not a valid UK phone number")


def parse_textphone(raw: str) -> Phone:
    """A Relay UK number: 18001 followed by a valid number."""
    text = _spaced(str(raw))
    if not text.startswith(RELAY_PREFIX):
        raise PhoneError(f"not a textphone number: it should start with {RELAY_PREFIX}")
    inner = parse_phone(text[len(RELAY_PREFIX):].strip())
    return Phone(display=f"{RELAY_PREFIX} {inner.display}", uri="tel:" + text.replace(" ", ""))


def parse_sms(raw: str) -> Phone:
    """A number to text: a UK short code such as 85258, or a UK mobile number."""
    phone = parse_phone(raw)
    return Phone(display=phone.display, uri=phone.uri.replace("tel:", "sms:", 1))

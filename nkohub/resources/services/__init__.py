"""Every write of the resource bank: offers, availability, photos, requests, bookings, reviews and matches."""

from ._shared import (
    MAX_BOOKING_HOURS as MAX_BOOKING_HOURS,
)
from ._shared import (
    MAX_PHOTOS as MAX_PHOTOS,
)
from ._shared import (
    BookingConflict as BookingConflict,
)
from ._shared import (
    _enqueue_refresh as _enqueue_refresh,
)
from ._shared import (
    _full_clean as _full_clean,
)
from ._shared import (
    _refresh_search as _refresh_search,
)
from ._shared import (
    refresh_search_of as refresh_search_of,
)
from .bookings import (
    BOOKING_LOCK_NAMESPACE as BOOKING_LOCK_NAMESPACE,
)
from .bookings import (
    _lock as _lock,
)
from .bookings import (
    _overlapping as _overlapping,
)
from .bookings import (
    _queue_writers_of as _queue_writers_of,
)
from .bookings import (
    _save_holding as _save_holding,
)
from .bookings import (
    _slot_text as _slot_text,
)
from .bookings import (
    _unavailable_reason as _unavailable_reason,
)
from .bookings import (
    booking_cancel as booking_cancel,
)
from .bookings import (
    booking_confirm as booking_confirm,
)
from .bookings import (
    booking_create as booking_create,
)
from .bookings import (
    booking_decline as booking_decline,
)
from .bookings import (
    review_create as review_create,
)
from .matches import (
    _store_matches as _store_matches,
)
from .matches import (
    _tell_about_match as _tell_about_match,
)
from .matches import (
    matches_refresh_for_offer as matches_refresh_for_offer,
)
from .matches import (
    matches_refresh_for_request as matches_refresh_for_request,
)
from .offers import (
    _add_schedule as _add_schedule,
)
from .offers import (
    _check_offer_period as _check_offer_period,
)
from .offers import (
    availability_exception_add as availability_exception_add,
)
from .offers import (
    availability_exception_remove as availability_exception_remove,
)
from .offers import (
    availability_rule_add as availability_rule_add,
)
from .offers import (
    availability_rule_remove as availability_rule_remove,
)
from .offers import (
    availability_schedule_add as availability_schedule_add,
)
from .offers import (
    offer_create as offer_create,
)
from .offers import (
    offer_photo_add as offer_photo_add,
)
from .offers import (
    offer_photo_remove as offer_photo_remove,
)
from .offers import (
    offer_set_status as offer_set_status,
)
from .offers import (
    offer_update as offer_update,
)
from .offers import (
    sync_weekdays as sync_weekdays,
)
from .requests import (
    _check_request_period as _check_request_period,
)
from .requests import (
    request_create as request_create,
)
from .requests import (
    request_set_status as request_set_status,
)
from .requests import (
    request_update as request_update,
)

from ._shared import (
    _booking as _booking,
)
from ._shared import (
    _offer as _offer,
)
from ._shared import (
    _perform as _perform,
)
from ._shared import (
    _request as _request,
)
from .bookings import (
    booking_cancel as booking_cancel,
)
from .bookings import (
    booking_decide as booking_decide,
)
from .bookings import (
    booking_detail as booking_detail,
)
from .bookings import (
    booking_review as booking_review,
)
from .bookings import (
    mine as mine,
)
from .offers import (
    _week_start as _week_start,
)
from .offers import (
    availability_remove as availability_remove,
)
from .offers import (
    catalogue as catalogue,
)
from .offers import (
    offer_availability as offer_availability,
)
from .offers import (
    offer_book as offer_book,
)
from .offers import (
    offer_calendar as offer_calendar,
)
from .offers import (
    offer_create as offer_create,
)
from .offers import (
    offer_detail as offer_detail,
)
from .offers import (
    offer_edit as offer_edit,
)
from .offers import (
    offer_photos as offer_photos,
)
from .offers import (
    offer_status as offer_status,
)
from .offers import (
    photo_delete as photo_delete,
)
from .requests import (
    request_create as request_create,
)
from .requests import (
    request_detail as request_detail,
)
from .requests import (
    request_edit as request_edit,
)
from .requests import (
    request_list as request_list,
)
from .requests import (
    request_status as request_status,
)

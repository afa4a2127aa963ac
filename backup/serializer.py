"""Django's JSON fixtures, with times kept to the microsecond.

Django's own JSON encoder cuts datetimes to milliseconds (for JavaScript), so a restored page
would not have the same `last_published_at` or revision time as the one backed up. Registered
as the serialization format "exactjson" (SERIALIZATION_MODULES in the settings).
"""

import datetime

from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = json.Deserializer

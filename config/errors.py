"""The 500 page: rendered without the database, context processors or the request's state.

Whatever broke the request may break those too, so the page gets only the visitor's language,
read from the URL prefix, and static texts.
"""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader
from django.utils import translation
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request, template_name="500.html"):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template(template_name).render({"LANGUAGE_CODE": language})
    return HttpResponseServerError(body)

from django.urls import path

from . import views

app_name = "participation"

#: Under the language prefix (/da/participate/ ...).
urlpatterns = [
    path("propose/", views.propose, name="propose"),
    path("review/<int:page_id>/", views.review, name="review"),
    path("experience/<int:page_id>/", views.experience, name="experience"),
    path("thanks/<slug:kind>/", views.thanks, name="thanks"),
    path("follow/", views.follow, name="follow"),
    path("follow/feed/", views.feed, name="feed"),
    path("follow/confirm/<str:token>/", views.confirm, name="confirm"),
    path("follow/stop/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("privacy/", views.privacy, name="privacy"),
]

from django.urls import path

from . import views

app_name = "candidates"

urlpatterns = [
    path("", views.home, name="home"),
    path("connexion/", views.sign_in_request, name="sign_in"),
    path("connexion/lien-envoye/", views.link_sent, name="link_sent"),
    path("connexion/lien/<str:token>/", views.sign_in_link, name="sign_in_link"),
    path("deconnexion/", views.sign_out, name="sign_out"),
    path("deconnexion-partout/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("deconnecte/", views.signed_out, name="signed_out"),
    path("profil/", views.profile, name="profile"),
    path("postuler/<int:offer_id>/", views.apply, name="apply"),
    path("candidatures/<int:application_id>/cv/", views.download_cv, name="cv"),
    path("mes-donnees/", views.my_data, name="my_data"),
    path("mes-donnees/archive/", views.export_data, name="export"),
    path("supprimer/", views.delete_account, name="delete"),
    path("supprime/", views.deleted, name="deleted"),
]

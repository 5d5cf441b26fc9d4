app_name = "api-mediation"

urlpatterns = []

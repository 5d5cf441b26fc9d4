app_name = "api-procedures"

urlpatterns = []

app_name = "api-reports"

urlpatterns = []

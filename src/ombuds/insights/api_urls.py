app_name = "api-insights"

urlpatterns = []

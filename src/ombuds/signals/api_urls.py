app_name = "api-signals"

urlpatterns = []

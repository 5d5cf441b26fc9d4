app_name = "correspondence"

urlpatterns = []

app_name = "socialmap"

urlpatterns = []

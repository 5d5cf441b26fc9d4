app_name = "partner"

urlpatterns = []

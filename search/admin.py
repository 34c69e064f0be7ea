from django.contrib import admin

from .index import forget_synonyms
from .models import Synonym


@admin.register(Synonym)
class SynonymAdmin(admin.ModelAdmin):
    list_display = ["expressions"]
    search_fields = ["expressions"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        forget_synonyms()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget_synonyms()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget_synonyms()
